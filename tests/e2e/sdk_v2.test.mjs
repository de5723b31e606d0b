// nba-mcp end to end through the official MCP TypeScript SDK v2 client (@modelcontextprotocol/client),
// mainly over the stateless 2026-07-28 era (server/discover + per-request _meta), plus its legacy
// handshake for every 2024-11-05…2025-11-25 version and its 'auto' negotiation in both directions.
//
//   NBA_MCP_BIN=build/tools/nba-mcp node --test tests/e2e/     (or: scripts/e2e.sh BINARY)

import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Client, PROTOCOL_VERSION_META_KEY, SdkErrorCode } from '@modelcontextprotocol/client';
import { StdioClientTransport, getDefaultEnvironment } from '@modelcontextprotocol/client/stdio';
import {
  BOGUS_ARG,
  HERE,
  assertValid,
  callAndValidateEveryTool,
  captureStderr,
  checkBadArgumentsEveryTool,
  checkCompletionContent,
  checkCompletions,
  checkPromptsWithRealArguments,
  checkResourceContent,
  checkToolDefinition,
  closeAndExpectCleanExit,
  compileSchema,
  expectRpcError,
  makeAjv,
  recordWire,
  resultText,
  serverBinary,
  serverParams,
  watchChild,
} from './lib/harness.mjs';

const MODERN = '2026-07-28';
const LEGACY_VERSIONS = ['2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05'];
const STATS_URI = 'nba://server/stats';
const CAPS_META_KEY = 'io.modelcontextprotocol/clientCapabilities';
const SERVER_INFO_META_KEY = 'io.modelcontextprotocol/serverInfo';
const CACHEABLE = new Set(['server/discover', 'tools/list', 'prompts/list', 'resources/list', 'resources/templates/list',
  'resources/read']);

/** Spawns the server (or `params`) and connects a v2 client with the given options. */
async function connectV2(clientOptions = {}, params = serverParams(getDefaultEnvironment())) {
  const transport = new StdioClientTransport(params);
  const stderr = captureStderr(transport);
  const wire = recordWire(transport);
  const client = new Client({ name: 'nba-mcp-e2e-v2', version: '2.0.0' }, { capabilities: {}, ...clientOptions });
  await client.connect(transport);
  const watch = watchChild(transport);
  return { client, transport, wire, watch, stderr };
}

async function getStats(client) {
  const result = await client.callTool({ name: 'get_server_stats', arguments: {} });
  assert.notEqual(result.isError, true, resultText(result));
  return result.structuredContent;
}

describe(`nba-mcp via @modelcontextprotocol/client v2, pinned to ${MODERN} (stateless era)`, () => {
  const ajv = makeAjv();
  let s; // { client, transport, wire, watch, stderr }
  let tools = [];
  let closed = false;

  before(async () => {
    s = await connectV2({ versionNegotiation: { mode: { pin: MODERN } } });
  });
  after(async () => {
    if (!closed) await s?.client.close().catch(() => {});
  });

  it(`negotiated ${MODERN} through server/discover, with no initialize`, () => {
    const { client, wire } = s;
    assert.equal(client.getNegotiatedProtocolVersion(), MODERN);
    assert.equal(client.getProtocolEra(), 'modern');
    assert.ok(!wire.sent.some((m) => m.method === 'initialize' || m.method === 'notifications/initialized'),
      'a modern connection must not run the initialize handshake');

    const discover = client.getDiscoverResult();
    assert.ok(discover, 'no DiscoverResult recorded: the connect-time server/discover probe did not run');
    assert.ok(discover.supportedVersions.includes(MODERN), `supportedVersions ${discover.supportedVersions}`);
    for (const v of LEGACY_VERSIONS) assert.ok(discover.supportedVersions.includes(v), `dual-era server should list ${v}`);

    const info = client.getServerVersion();
    assert.equal(info?.name, 'nba-mcp', 'serverInfo from discover _meta');
    assert.equal(typeof info.title, 'string');
    assert.ok(info.title.length > 0);
    assert.ok(client.getInstructions()?.trim().length > 0, 'instructions are empty');

    const caps = client.getServerCapabilities();
    for (const cap of ['tools', 'resources', 'prompts']) assert.equal(typeof caps[cap], 'object', `capabilities.${cap}`);
    assert.equal(caps.tasks, undefined, 'tasks is not a 2026-07-28 core capability');
  });

  it('server/discover on the session connection is a complete, cacheable result', async () => {
    const { client, wire } = s;
    const discover = await client.discover();
    assert.ok(discover.supportedVersions.includes(MODERN));
    const raw = wire.lastResponseTo('server/discover').result;
    assert.equal(raw.resultType, 'complete');
    assert.ok(Number.isInteger(raw.ttlMs) && raw.ttlMs >= 0, `ttlMs ${raw.ttlMs}`);
    assert.ok(['public', 'private'].includes(raw.cacheScope), `cacheScope ${raw.cacheScope}`);
    assert.equal(raw._meta?.[SERVER_INFO_META_KEY]?.name, 'nba-mcp');
    const req = wire.sent.findLast((m) => m.method === 'server/discover');
    assert.equal(req.params._meta[PROTOCOL_VERSION_META_KEY], MODERN);
  });

  it('tools/list returns well-formed tools, including get_server_stats', async () => {
    tools = (await s.client.listTools()).tools;
    const names = tools.map((t) => t.name);
    assert.equal(new Set(names).size, names.length, `duplicate tool names: ${names}`);
    for (const tool of tools) checkToolDefinition(tool, ajv);
    for (const tool of tools) assert.equal(tool.execution, undefined, `${tool.name}: execution is 2025-11-25-only`);
    const stats = tools.find((t) => t.name === 'get_server_stats');
    assert.ok(stats?.outputSchema, `get_server_stats with outputSchema missing from ${names}`);
    assert.equal(stats.annotations?.readOnlyHint, true);
  });

  it('tools/list is served from the client cache within its ttlMs', async () => {
    const raw = s.wire.lastResponseTo('tools/list').result;
    if (!(raw.ttlMs > 0)) return; // the server asked not to cache
    const before = s.wire.sent.filter((m) => m.method === 'tools/list').length;
    const again = await s.client.listTools();
    assert.deepEqual(again.tools.map((t) => t.name), tools.map((t) => t.name));
    assert.equal(s.wire.sent.filter((m) => m.method === 'tools/list').length, before, 'cache miss despite ttlMs');
  });

  it('every callable tool returns structuredContent that matches its outputSchema (ajv 2020-12)', async () => {
    const called = await callAndValidateEveryTool(tools, (name, args) => s.client.callTool({ name, arguments: args }), ajv,
      { requireObjectRoot: false });
    assert.ok(called.includes('get_server_stats'), `called: ${called}`);
  });

  it('get_server_stats reports this server, no handshake, and at least our traffic', async () => {
    const st = await getStats(s.client);
    assert.equal(st.server.name, 'nba-mcp');
    assert.equal(st.server.version, s.client.getServerVersion().version);
    assert.equal(st.protocol.negotiated_version, '', 'stateless client: the process must not have a handshake version');
    assert.ok(st.uptime_s > 0);
    assert.ok(st.requests.requests >= s.wire.requestCount(), `requests ${st.requests.requests} < ${s.wire.requestCount()}`);
    assert.ok(st.requests.messages >= st.requests.requests);
    assert.ok(st.tools.find((t) => t.tool === 'get_server_stats')?.calls >= 1, JSON.stringify(st.tools));
  });

  it('a bad argument is a tool execution error (isError) naming the argument', async () => {
    const result = await s.client.callTool({ name: 'get_server_stats', arguments: { [BOGUS_ARG]: 1 } });
    assert.equal(result.isError, true, JSON.stringify(result));
    assert.match(resultText(result), new RegExp(`\\b${BOGUS_ARG}\\b`));
    assert.ok(await checkBadArgumentsEveryTool(tools, (name, args) => s.client.callTool({ name, arguments: args })) >= 1);
  });

  it('answer_nba_question answers a plain-English question with real values', async () => {
    // bbref 2024-25 per game: Gilgeous-Alexander 32.7 points over 76 games.
    const result = await s.client.callTool({
      name: 'answer_nba_question',
      arguments: { question: 'Who led the NBA in points in 2024-25?' },
    });
    assert.notEqual(result.isError, true, JSON.stringify(result));
    assert.match(resultText(result), /Shai Gilgeous-Alexander led the NBA with 32\.7 points per game in 2024-25/);
    const answer = result.structuredContent;
    assert.equal(answer.status, 'answered');
    assert.equal(answer.season, '2024-25');
    assert.equal(answer.results[0].result.leaders[0].player, 'Shai Gilgeous-Alexander');
    assert.equal(answer.results[0].result.leaders[0].value, 32.7);
    assert.equal(answer.results[0].result.leaders[0].gp, 76);
  });

  it('an unknown tool is a JSON-RPC invalid-params error', async () => {
    await expectRpcError(s.client.callTool({ name: 'e2e_no_such_tool', arguments: {} }), -32602, 'unknown tool', s.wire);
  });

  it('concurrent calls all come back, each matched to its request', async () => {
    const validate = compileSchema(ajv, tools.find((t) => t.name === 'get_server_stats').outputSchema, 'stats');
    const results = await Promise.all(Array.from({ length: 16 }, () =>
      s.client.callTool({ name: 'get_server_stats', arguments: {} })));
    for (const r of results) assertValid(validate, r.structuredContent, 'concurrent get_server_stats');
  });

  it('resources: list, read nba://server/stats as JSON, unknown URI is -32602 (not -32002)', async () => {
    const { resources } = await s.client.listResources();
    const stats = resources.find((r) => r.uri === STATS_URI);
    assert.ok(stats, `${STATS_URI} missing`);
    assert.equal(stats.mimeType, 'application/json');
    const read = await s.client.readResource({ uri: STATS_URI }, { cacheMode: 'bypass' });
    assert.equal(read.contents.length, 1);
    const body = JSON.parse(read.contents[0].text);
    assert.equal(body.server.name, 'nba-mcp');
    assert.equal(body.protocol.negotiated_version, '');
    assertValid(compileSchema(ajv, tools.find((t) => t.name === 'get_server_stats').outputSchema, 'stats'), body,
      `${STATS_URI} body`);
    const { resourceTemplates } = await s.client.listResourceTemplates();
    assert.ok(Array.isArray(resourceTemplates));
    await expectRpcError(s.client.readResource({ uri: 'nba://e2e/no-such-resource' }), -32602, 'unknown resource (modern)',
      s.wire);
  });

  it('prompts: list, get each with real arguments and check the message, unknown is -32602', async () => {
    const { prompts } = await s.client.listPrompts();
    await checkPromptsWithRealArguments(prompts, (params) => s.client.getPrompt(params));
    await expectRpcError(s.client.getPrompt({ name: 'e2e_no_such_prompt' }), -32602, 'unknown prompt', s.wire);
  });

  it('completion/complete works for every prompt argument and template variable', async () => {
    const { prompts } = await s.client.listPrompts();
    const { resourceTemplates } = await s.client.listResourceTemplates();
    await checkCompletions(prompts, resourceTemplates, (params) => s.client.complete(params), s.wire);
    await checkCompletionContent((params) => s.client.complete(params));
  });

  it('resources: nba://teams and nba://players/{id} say what the data says', async () => {
    await checkResourceContent((params) => s.client.readResource(params, { cacheMode: 'bypass' }));
  });

  it('subscriptions/listen is acknowledged with a subset of the filter, and cancel ends it', async () => {
    const caps = s.client.getServerCapabilities();
    const filter = { toolsListChanged: true, promptsListChanged: true, resourcesListChanged: true };
    const sub = await s.client.listen(filter, { timeout: 5000 });
    const listenId = s.wire.sent.findLast((m) => m.method === 'subscriptions/listen').id;
    for (const [k, v] of Object.entries(sub.honoredFilter)) {
      assert.ok(Object.hasOwn(filter, k) && v === true, `honored ${k}=${v} was not requested`);
    }
    // Honoring list_changed the server never sends would be odd; declared listChanged:false means none.
    if (!caps.tools?.listChanged) assert.notEqual(sub.honoredFilter.toolsListChanged, true);
    const ack = s.wire.received.find((m) => m.method === 'notifications/subscriptions/acknowledged' &&
      m.params?._meta?.['io.modelcontextprotocol/subscriptionId'] === listenId);
    assert.ok(ack, 'no acknowledged notification tagged with the subscription id');
    await sub.close();
    assert.equal(await sub.closed, 'local');
    await getStats(s.client); // a round trip after the cancel
    const late = s.wire.received.filter((m) => m.id === listenId);
    assert.deepEqual(late, [], 'the server must send nothing for a cancelled request');
  });

  it('ping was removed in 2026-07-28: the SDK refuses it, or the server says method-not-found', async () => {
    const sentBefore = s.wire.sent.length;
    await assert.rejects(s.client.ping(), (e) => {
      if (s.wire.sent.length > sentBefore) {
        assert.equal(s.wire.received.findLast((m) => m.error)?.error.code, -32601, `server answered modern ping: ${e.message}`);
      } else {
        assert.equal(e.code, SdkErrorCode.MethodNotSupportedByProtocolVersion, e.message);
      }
      return true;
    });
  });

  it('every request carried the per-request _meta, every result resultType and serverInfo', () => {
    const { wire } = s;
    assert.deepEqual(wire.garbage, [], 'non-JSON-RPC output on stdout');
    const byId = new Map(wire.sent.filter((m) => m.id !== undefined).map((m) => [m.id, m]));
    for (const m of wire.sent) {
      if (m.id === undefined) continue; // notifications
      const meta = m.params?._meta ?? {};
      assert.equal(meta[PROTOCOL_VERSION_META_KEY], MODERN, `${m.method} without the protocol-version _meta`);
      assert.equal(typeof meta[CAPS_META_KEY], 'object', `${m.method} without the client-capabilities _meta`);
    }
    for (const m of wire.received) {
      assert.equal(m.jsonrpc, '2.0');
      if (m.id === undefined && m.method !== undefined) {
        // Modern servers send only request-scoped notifications or ones on a listen stream.
        assert.equal(typeof m.params?._meta?.['io.modelcontextprotocol/subscriptionId'], 'string',
          `untagged server notification: ${JSON.stringify(m)}`);
        continue;
      }
      const req = byId.get(m.id);
      assert.ok(req, `server sent something that is not a response to our requests: ${JSON.stringify(m)}`);
      if (m.error !== undefined) {
        assert.ok(Number.isInteger(m.error.code) && typeof m.error.message === 'string', JSON.stringify(m));
        continue;
      }
      const r = m.result;
      assert.equal(r.resultType, 'complete', `${req.method}: resultType ${r.resultType}`);
      assert.equal(r._meta?.[SERVER_INFO_META_KEY]?.name, 'nba-mcp', `${req.method}: no serverInfo in _meta`);
      if (CACHEABLE.has(req.method)) {
        assert.ok(Number.isInteger(r.ttlMs) && r.ttlMs >= 0, `${req.method}: ttlMs ${r.ttlMs}`);
        assert.ok(['public', 'private'].includes(r.cacheScope), `${req.method}: cacheScope ${r.cacheScope}`);
      }
    }
    // Exactly one response per request, except the cancelled subscriptions/listen (none allowed).
    for (const [id, req] of byId) {
      const n = wire.received.filter((m) => m.id === id && m.method === undefined).length;
      assert.equal(n, req.method === 'subscriptions/listen' ? 0 : 1, `${req.method} (id ${id}) answered ${n} times`);
    }
  });

  it('closing stdin makes the server exit 0 promptly', async () => {
    closed = true;
    await closeAndExpectCleanExit(s);
  });
});

describe('nba-mcp via @modelcontextprotocol/client v2, \'auto\' negotiation', () => {
  it(`picks ${MODERN} against this dual-era server`, async () => {
    const s = await connectV2({ versionNegotiation: { mode: 'auto' } });
    try {
      assert.equal(s.client.getNegotiatedProtocolVersion(), MODERN);
      assert.equal(s.client.getProtocolEra(), 'modern');
      assert.ok(!s.wire.sent.some((m) => m.method === 'initialize'));
      const st = await getStats(s.client);
      assert.equal(st.protocol.negotiated_version, '');
      assert.equal(s.wire.sent.at(-1).params._meta[PROTOCOL_VERSION_META_KEY], MODERN);
    } finally {
      await closeAndExpectCleanExit(s);
    }
  });

  it(`recovers from an unknown future version via the server's -32022 supported list`, async () => {
    // The SDK probes with the first modern version it is told to support; the server answers
    // -32022 {supported, requested} and the SDK retries with the mutual version.
    const s = await connectV2({
      versionNegotiation: { mode: 'auto' },
      supportedProtocolVersions: ['2099-01-01', MODERN, ...LEGACY_VERSIONS],
    });
    try {
      assert.equal(s.client.getNegotiatedProtocolVersion(), MODERN);
      assert.equal(s.client.getProtocolEra(), 'modern');
      const st = await getStats(s.client);
      assert.equal(st.server.name, 'nba-mcp');
    } finally {
      await closeAndExpectCleanExit(s);
    }
  });

  it('falls back to the initialize handshake when the server is legacy-only', async () => {
    const params = serverParams(getDefaultEnvironment());
    params.args = [path.join(HERE, 'legacy_only_shim.mjs'), serverBinary()];
    params.command = process.execPath;
    const s = await connectV2({ versionNegotiation: { mode: 'auto' } }, params);
    try {
      assert.equal(s.client.getProtocolEra(), 'legacy');
      assert.equal(s.client.getNegotiatedProtocolVersion(), '2025-11-25');
      assert.equal(s.wire.sent[0].method, 'initialize');
      assert.equal(s.client.getServerVersion().name, 'nba-mcp');
      const st = await getStats(s.client);
      assert.equal(st.protocol.negotiated_version, '2025-11-25');
    } finally {
      await closeAndExpectCleanExit(s);
    }
  });
});

describe('nba-mcp via @modelcontextprotocol/client v2, legacy handshake at every version', () => {
  const ajv = makeAjv();
  for (const version of LEGACY_VERSIONS) {
    it(`initialize ${version}: negotiated, fields gated to the version, tools valid`, async () => {
      const s = await connectV2({ supportedProtocolVersions: [version] });
      try {
        const { client, wire } = s;
        assert.equal(client.getProtocolEra(), 'legacy');
        assert.equal(client.getNegotiatedProtocolVersion(), version);
        const init = wire.lastResponseTo('initialize').result;
        assert.equal(init.protocolVersion, version);
        assert.equal(init.serverInfo.name, 'nba-mcp');
        assert.ok(init.instructions?.trim().length > 0);
        assert.equal(init.resultType, undefined, 'resultType is 2026-07-28-only');
        const hasTitle = version >= '2025-06-18';
        assert.equal(typeof init.serverInfo.title === 'string', hasTitle, `serverInfo.title at ${version}`);
        assert.equal(init.capabilities.completions !== undefined, version >= '2025-03-26', `completions at ${version}`);

        const { tools } = await client.listTools();
        for (const tool of tools) {
          checkToolDefinition(tool, ajv);
          assert.equal(tool.outputSchema !== undefined && version < '2025-06-18', false, `${tool.name}.outputSchema at ${version}`);
          assert.equal(tool.title !== undefined && version < '2025-06-18', false, `${tool.name}.title at ${version}`);
          assert.equal(tool.annotations !== undefined && version < '2025-03-26', false, `${tool.name}.annotations at ${version}`);
        }
        const stats = await client.callTool({ name: 'get_server_stats', arguments: {} });
        assert.notEqual(stats.isError, true);
        if (version >= '2025-06-18') {
          assert.equal(stats.structuredContent.protocol.negotiated_version, version);
          await callAndValidateEveryTool(tools, (name, args) => client.callTool({ name, arguments: args }), ajv,
            { requireObjectRoot: true });
        } else {
          assert.equal(stats.structuredContent, undefined, `structuredContent at ${version}`);
          assert.match(resultText(stats), /nba-mcp|requests/);
        }
        const bad = await client.callTool({ name: 'get_server_stats', arguments: { [BOGUS_ARG]: 1 } });
        assert.equal(bad.isError, true);
        assert.match(resultText(bad), new RegExp(BOGUS_ARG));
        await client.ping();
        await expectRpcError(client.readResource({ uri: 'nba://e2e/no-such-resource' }), -32002, `unknown resource at ${version}`,
          wire);
      } finally {
        await closeAndExpectCleanExit(s);
      }
    });
  }
});
