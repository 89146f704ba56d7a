import type { Gateway } from './gateway';

/** The store's answer to `serverInfo` (the codegen mapper of the GraphQL type). */
export interface ServerInfoRecord {
  neo4jVersion: string;
  neo4jEdition: string;
  database: string;
}

const COMPONENTS =
  'CALL dbms.components() YIELD name, versions, edition RETURN versions[0] AS version, edition';

/** Asks Neo4j what it is; one read. */
export async function readServerInfo(gw: Gateway): Promise<ServerInfoRecord> {
  const [row] = await gw.read('serverInfo.components', COMPONENTS);
  return { neo4jVersion: String(row.version), neo4jEdition: String(row.edition), database: gw.database };
}
