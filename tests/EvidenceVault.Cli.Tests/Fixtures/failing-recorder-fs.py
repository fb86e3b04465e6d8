#!/usr/bin/python3
"""A read-only FUSE view of a folder, standing in for a recorder whose flash fails: reading the named file beyond its
first MiB returns EIO, as a worn card does, and a delete is refused as on a read-only card. Used by the station tests:
    failing-recorder-fs.py <folder> <name of the failing file> <mount point> -f
"""
import errno
import os
import sys

import fuse

fuse.fuse_python_api = (0, 2)
FAILS_AFTER = 1 << 20


class FailingRecorderFs(fuse.Fuse):
    def __init__(self, source, failing, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.source = source
        self.failing = failing

    def _real(self, path):
        return os.path.join(self.source, path.lstrip('/'))

    def getattr(self, path):
        try:
            return os.lstat(self._real(path))
        except OSError as error:
            return -error.errno

    def readdir(self, path, offset):
        for name in ['.', '..'] + os.listdir(self._real(path)):
            yield fuse.Direntry(name)

    def open(self, path, flags):
        if flags & (os.O_WRONLY | os.O_RDWR):
            return -errno.EROFS
        return 0

    def read(self, path, size, offset):
        if os.path.basename(path) == self.failing and offset + size > FAILS_AFTER:
            return -errno.EIO
        with open(self._real(path), 'rb') as file:
            file.seek(offset)
            return file.read(size)

    def unlink(self, path):
        return -errno.EROFS


if __name__ == '__main__':
    source = os.path.abspath(sys.argv.pop(1))
    failing = sys.argv.pop(1)
    server = FailingRecorderFs(source, failing, version='%prog 1', usage=__doc__, dash_s_do='setsingle')
    server.parse(values=server, errex=1)
    server.main()
