import neo4j from 'neo4j-driver';
import { answer, HEADERS, pageRequest, send } from './client';
import { list, str } from './json';
import type { Fixtures } from './operations';
import {
  DEEP_PAGE,
  floorPageParams,
  OURS_PAIRINGS_PAGE,
  oursPageVars,
  PAGE_SIZE,
  PEER_PAIRINGS_PAGE,
  peerPageVars,
} from './pairings-page';
import type { VariantServer } from './servers';

/**
 * The entities the operations start from — the same at every scale (准格尔旗 and its first
 * synthetic banner exist at scale 1 and are unchanged at larger scales) — and each variant's own
 * cursor to the deep page of the helper's pairings, found by walking the pages before it.
 */
const BASE = {
  village: 'au:chenghao', // 城壕村
  helper: 'syn:city-agency:08', // 示例市直单位08: the helper with most pairings at every scale
  graphRoot: 'syn:b001:cadre:0001', // a county-level cadre of 准格尔旗
  area: 'au:zhungeer', // 准格尔旗
  pathFrom: 'org:xinhua-nmg', // 新华社内蒙古分社
  pathTo: 'syn:b001:household:00001', // a poor household of 城壕村
};

export interface FixtureFacts {
  fixtures: Fixtures;
  /** The helper's pairings matching the filter (decides which page is the deep one). */
  helperPairings: number;
  neo4jVersion: string;
  /** Operations the peer could not be prepared for (it failed walking to the deep page), with why. */
  peerFailures: Record<string, string>;
}

export async function resolveFixtures(
  uri: string,
  servers: Record<'ours' | 'floor' | 'peer', VariantServer>,
): Promise<FixtureFacts> {
  const driver = neo4j.driver(uri, undefined, { disableLosslessIntegers: true });
  try {
    const q = async (cypher: string, params: Record<string, unknown> = {}) =>
      (await driver.executeQuery(cypher, params, { database: 'neo4j' })).records.map((r) => r.toObject());
    for (const [k, id] of Object.entries(BASE)) {
      const [row] = await q('MATCH (n {id: $id}) RETURN count(n) AS n', { id });
      if (row.n !== 1) throw new Error(`fixture ${k} (${id}) is not in the store`);
    }
    const [count] = await q(
      "MATCH (:Organization {id: $id})<-[:HELPER]-(p:Pairing) WHERE p.kind = 'ASSIST' AND p.validFrom <= date('2013-04-16') AND date('2013-04-16') < p.validTo RETURN count(p) AS n",
      { id: BASE.helper },
    );
    const [version] = await q(
      "CALL dbms.components() YIELD versions, edition RETURN versions[0] + ' ' + edition AS v",
    );
    const helperPairings = Number(count.n);
    const index = Math.max(1, Math.min(DEEP_PAGE, Math.ceil(helperPairings / PAGE_SIZE)));
    const f: Fixtures = { ...BASE, page: { index, ours: null, peer: null, floor: null } };
    const peerFailures: Record<string, string> = {};
    for (let page = 1; page < index; page++) {
      const ours = answer(
        'ours',
        await send(pageRequest(servers.ours, OURS_PAIRINGS_PAGE, oursPageVars(f, f.page.ours))),
      );
      f.page.ours = str(ours.node.pairings.pageInfo.endCursor);
      if (!peerFailures.helperPairings) {
        try {
          const peer = answer(
            'peer',
            await send(pageRequest(servers.peer, PEER_PAIRINGS_PAGE, peerPageVars(f, f.page.peer))),
          );
          f.page.peer = str(list(peer.organizations)[0].pairingsConnection.pageInfo.endCursor);
        } catch (e) {
          // e.g. at scale 1000 its page walk exceeds Neo4j's transaction memory: the peer sits this operation out
          peerFailures.helperPairings = `walking to page ${index}: ${(e as Error).message}`;
        }
      }
      const floor = answer(
        'floor',
        await send({
          url: `${servers.floor.url}/op/helperPairings`,
          body: JSON.stringify(floorPageParams(f, f.page.floor)),
          headers: HEADERS,
        }),
      );
      f.page.floor = str(list(list(floor)[0].pairings).at(-1)?.key);
    }
    return { fixtures: f, helperPairings, neo4jVersion: String(version.v), peerFailures };
  } finally {
    await driver.close();
  }
}
