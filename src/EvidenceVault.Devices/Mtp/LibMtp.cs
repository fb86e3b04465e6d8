using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace EvidenceVault.Devices.Mtp;

/// <summary>
/// P/Invoke binding to Debian's libmtp.so.9 (written against 1.1.20, x86-64 and arm64 LP64 layouts from libmtp.h).
/// Only the calls the recorder source needs. Ownership as libmtp documents it: the raw-device array and every
/// returned string are malloc'd and freed here with libc free; file nodes are freed one by one with
/// LIBMTP_destroy_file_t; the device with LIBMTP_Release_Device (through <see cref="MtpDeviceHandle"/>).
/// </summary>
internal static unsafe partial class LibMtp
{
    private const string Library = "libmtp.so.9";

    /// <summary>The parent id that lists the top of a storage.</summary>
    public const uint RootFolder = 0xFFFFFFFF;

    /// <summary>LIBMTP_FILETYPE_FOLDER, the first value of LIBMTP_filetype_t.</summary>
    public const int FolderType = 0;

    public const int ErrorNone = 0;
    public const int ErrorNoDeviceAttached = 5;

    private static readonly Lazy<bool> Initialized = new(() =>
    {
        Init();
        return true;
    });

    /// <summary>LIBMTP_Init once per process, before any other call.</summary>
    public static void EnsureInitialized() => _ = Initialized.Value;

    [StructLayout(LayoutKind.Sequential)]
    public struct RawDevice
    {
        public nint Vendor;
        public ushort VendorId;
        public nint Product;
        public ushort ProductId;
        public uint DeviceFlags;
        public uint BusLocation;
        public byte DeviceNumber;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct Device
    {
        public byte ObjectBitSize;
        public nint Params;
        public nint UsbInfo;
        public Storage* Storage;
        public Error* ErrorStack;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct Storage
    {
        public uint Id;
        public ushort StorageType;
        public ushort FilesystemType;
        public ushort AccessCapability;
        public ulong MaxCapacity;
        public ulong FreeSpaceInBytes;
        public ulong FreeSpaceInObjects;
        public nint StorageDescription;
        public nint VolumeIdentifier;
        public Storage* Next;
        public Storage* Previous;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct File
    {
        public uint ItemId;
        public uint ParentId;
        public uint StorageId;
        public nint FileName;
        public ulong FileSize;
        public long ModificationDate;
        public int FileType;
        public File* Next;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct Error
    {
        public int ErrorNumber;
        public nint ErrorText;
        public Error* Next;
    }

    /// <summary>A UTF-8 string libmtp owns (inside a struct it frees itself): copied, never freed here.</summary>
    public static string? Borrowed(nint text) => text == 0 ? null : Marshal.PtrToStringUTF8(text);

    /// <summary>A UTF-8 string libmtp handed over (the Get_* string getters): copied, then freed.</summary>
    public static string? Owned(nint text)
    {
        if (text == 0)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(text);
        }
        finally
        {
            Free(text);
        }
    }

    /// <summary>The device's error stack as one text (then cleared, so the next failure reports only its own errors).</summary>
    public static string TakeErrors(MtpDeviceHandle device)
    {
        var text = new StringBuilder();
        for (var error = GetErrorstack(device); error != null; error = error->Next)
        {
            if (Borrowed(error->ErrorText) is { Length: > 0 } line)
            {
                text.Append(text.Length == 0 ? string.Empty : "; ").Append(line.Trim());
            }
        }

        ClearErrorstack(device);
        return text.Length == 0 ? "libmtp reported no details" : text.ToString();
    }

    [LibraryImport(Library, EntryPoint = "LIBMTP_Init")]
    private static partial void Init();

    [LibraryImport(Library, EntryPoint = "LIBMTP_Detect_Raw_Devices")]
    public static partial int DetectRawDevices(RawDevice** devices, int* count);

    [LibraryImport(Library, EntryPoint = "LIBMTP_Open_Raw_Device_Uncached")]
    public static partial MtpDeviceHandle OpenRawDeviceUncached(RawDevice* device);

    [LibraryImport(Library, EntryPoint = "LIBMTP_Release_Device")]
    public static partial void ReleaseDevice(nint device);

    [LibraryImport(Library, EntryPoint = "LIBMTP_Get_Serialnumber")]
    public static partial nint GetSerialNumber(MtpDeviceHandle device);

    [LibraryImport(Library, EntryPoint = "LIBMTP_Get_Manufacturername")]
    public static partial nint GetManufacturerName(MtpDeviceHandle device);

    [LibraryImport(Library, EntryPoint = "LIBMTP_Get_Modelname")]
    public static partial nint GetModelName(MtpDeviceHandle device);

    [LibraryImport(Library, EntryPoint = "LIBMTP_Get_Storage")]
    public static partial int GetStorage(MtpDeviceHandle device, int sortBy);

    [LibraryImport(Library, EntryPoint = "LIBMTP_Get_Files_And_Folders")]
    public static partial File* GetFilesAndFolders(MtpDeviceHandle device, uint storage, uint parent);

    [LibraryImport(Library, EntryPoint = "LIBMTP_destroy_file_t")]
    public static partial void DestroyFile(File* file);

    [LibraryImport(Library, EntryPoint = "LIBMTP_Get_File_To_File_Descriptor")]
    public static partial int GetFileToFileDescriptor(
        MtpDeviceHandle device, uint id, int fd, delegate* unmanaged[Cdecl]<ulong, ulong, nint, int> callback, nint data);

    [LibraryImport(Library, EntryPoint = "LIBMTP_Delete_Object")]
    public static partial int DeleteObject(MtpDeviceHandle device, uint id);

    [LibraryImport(Library, EntryPoint = "LIBMTP_Get_Errorstack")]
    private static partial Error* GetErrorstack(MtpDeviceHandle device);

    /// <summary>Local only (no USB traffic): so that a stale error is never taken for the next call's failure.</summary>
    [LibraryImport(Library, EntryPoint = "LIBMTP_Clear_Errorstack")]
    public static partial void ClearErrorstack(MtpDeviceHandle device);

    [LibraryImport("libc", EntryPoint = "free")]
    public static partial void Free(nint pointer);
}

/// <summary>An opened LIBMTP_mtpdevice_t; released (closing the MTP session and the USB claim) exactly once.</summary>
internal sealed class MtpDeviceHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public MtpDeviceHandle()
        : base(ownsHandle: true)
    {
    }

    public unsafe LibMtp.Device* Device => (LibMtp.Device*)handle;

    protected override bool ReleaseHandle()
    {
        LibMtp.ReleaseDevice(handle);
        return true;
    }
}
