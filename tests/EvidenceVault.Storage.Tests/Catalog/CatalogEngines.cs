namespace EvidenceVault.Storage.Tests.Catalog;

// The whole catalog suite runs on both engines: one sealed class per engine and suite.
public sealed class SqliteAccessStoreTests() : AccessStoreTests(CatalogEngine.Sqlite);

public sealed class PostgresAccessStoreTests() : AccessStoreTests(CatalogEngine.Postgres);

public sealed class SqliteActivityRelinkTests() : ActivityRelinkTests(CatalogEngine.Sqlite);

public sealed class PostgresActivityRelinkTests() : ActivityRelinkTests(CatalogEngine.Postgres);

public sealed class SqliteCatalogTests() : CatalogTests(CatalogEngine.Sqlite);

public sealed class PostgresCatalogTests() : CatalogTests(CatalogEngine.Postgres);

public sealed class SqliteCredentialStoreTests() : CredentialStoreTests(CatalogEngine.Sqlite);

public sealed class PostgresCredentialStoreTests() : CredentialStoreTests(CatalogEngine.Postgres);

public sealed class SqliteCustodyLogTests() : CustodyLogTests(CatalogEngine.Sqlite);

public sealed class PostgresCustodyLogTests() : CustodyLogTests(CatalogEngine.Postgres);

public sealed class SqliteDrawStoreTests() : DrawStoreTests(CatalogEngine.Sqlite);

public sealed class PostgresDrawStoreTests() : DrawStoreTests(CatalogEngine.Postgres);

public sealed class SqliteFixityStoreTests() : FixityStoreTests(CatalogEngine.Sqlite);

public sealed class PostgresFixityStoreTests() : FixityStoreTests(CatalogEngine.Postgres);

public sealed class SqliteJobQueueTests() : JobQueueTests(CatalogEngine.Sqlite);

public sealed class PostgresJobQueueTests() : JobQueueTests(CatalogEngine.Postgres);

public sealed class SqliteRegistryTests() : RegistryTests(CatalogEngine.Sqlite);

public sealed class PostgresRegistryTests() : RegistryTests(CatalogEngine.Postgres);

public sealed class SqliteRetentionStoreTests() : RetentionStoreTests(CatalogEngine.Sqlite);

public sealed class PostgresRetentionStoreTests() : RetentionStoreTests(CatalogEngine.Postgres);

public sealed class SqliteRedactionStoreTests() : RedactionStoreTests(CatalogEngine.Sqlite);

public sealed class PostgresRedactionStoreTests() : RedactionStoreTests(CatalogEngine.Postgres);

public sealed class SqlitePublicationStoreTests() : PublicationStoreTests(CatalogEngine.Sqlite);

public sealed class PostgresPublicationStoreTests() : PublicationStoreTests(CatalogEngine.Postgres);

public sealed class SqliteInformationRequestStoreTests() : InformationRequestStoreTests(CatalogEngine.Sqlite);

public sealed class PostgresInformationRequestStoreTests() : InformationRequestStoreTests(CatalogEngine.Postgres);

public sealed class SqlitePriorDisclosureStoreTests() : PriorDisclosureStoreTests(CatalogEngine.Sqlite);

public sealed class PostgresPriorDisclosureStoreTests() : PriorDisclosureStoreTests(CatalogEngine.Postgres);

public sealed class SqliteInspectionStoreTests() : InspectionStoreTests(CatalogEngine.Sqlite);

public sealed class PostgresInspectionStoreTests() : InspectionStoreTests(CatalogEngine.Postgres);
