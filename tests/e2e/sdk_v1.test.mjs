// nba-mcp end to end through the official MCP TypeScript SDK v1 client (@modelcontextprotocol/sdk),
// which speaks the legacy handshake era (initialize, protocol 2025-11-25).
//
//   NBA_MCP_BIN=build/tools/nba-mcp node --test tests/e2e/     (or: scripts/e2e.sh BINARY)

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport, getDefaultEnvironment } from '@modelcontextprotocol/sdk/client/stdio.js';
import { LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/sdk/types.js';
import {
  BOGUS_ARG,
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
  serverParams,
  watchChild,
} from './lib/harness.mjs';

const STATS_URI = 'nba://server/stats';

/** v1 list methods return one page; walk nextCursor. */
async function listAll(fetchPage, key) {
  const items = [];
  let cursor;
  for (let page = 0; page < 100; page++) {
    const res = await fetchPage(cursor === undefined ? undefined : { cursor });
    items.push(...res[key]);
    if (!res.nextCursor) return items;
    cursor = res.nextCursor;
  }
  assert.fail(`${key}: more than 100 pages`);
}

describe('nba-mcp via @modelcontextprotocol/sdk v1 (stdio, legacy handshake)', () => {
  const ajv = makeAjv();
  let client, transport, wire, watch, stderr;
  let negotiatedByTransport;
  let tools = [];
  let closed = false;

  before(async () => {
    transport = new StdioClientTransport(serverParams(getDefaultEnvironment()));
    stderr = captureStderr(transport);
    wire = recordWire(transport);
    // The v1 client reports the negotiated version to its transport through this hook.
    transport.setProtocolVersion = (v) => { negotiatedByTransport = v; };
    client = new Client({ name: 'nba-mcp-e2e-v1', version: '1.0.0' }, { capabilities: {} });
    await client.connect(transport);
    watch = watchChild(transport);
  });

  after(async () => {
    if (!closed) await client?.close().catch(() => {});
  });

  it('initialize negotiates the SDK\'s latest legacy version and describes the server', () => {
    assert.equal(LATEST_PROTOCOL_VERSION, '2025-11-25');
    const init = wire.lastResponseTo('initialize');
    assert.equal(init.error, undefined, JSON.stringify(init.error));
    assert.equal(init.result.protocolVersion, LATEST_PROTOCOL_VERSION);
    assert.equal(negotiatedByTransport, LATEST_PROTOCOL_VERSION);
    // initialize is answered before notifications/initialized is sent, and nothing else precedes it.
    assert.equal(wire.sent[0].method, 'initialize');
    assert.equal(wire.sent[1].method, 'notifications/initialized');

    const info = client.getServerVersion();
    assert.equal(info.name, 'nba-mcp');
    assert.match(info.version, /^\d+\.\d+\.\d+/);
    assert.equal(typeof info.title, 'string');
    assert.ok(info.title.length > 0, 'serverInfo.title is empty');

    const instructions = client.getInstructions();
    assert.equal(typeof instructions, 'string');
    assert.ok(instructions.trim().length > 0, 'instructions are empty');

    const caps = client.getServerCapabilities();
    for (const cap of ['tools', 'resources', 'prompts']) {
      assert.equal(typeof caps[cap], 'object', `capabilities.${cap} missing: ${JSON.stringify(caps)}`);
    }
    assert.equal(typeof caps.logging, 'object', 'legacy era: logging capability expected');
    assert.equal(caps.tasks, undefined, 'the server does not implement tasks, so must not declare them');
    // 2026-07-28-only fields must not leak into a legacy result.
    assert.equal(init.result.resultType, undefined);
    assert.equal(init.result._meta?.['io.modelcontextprotocol/serverInfo'], undefined);
  });

  it('ping answers with an empty result', async () => {
    const res = await client.ping();
    assert.deepEqual(Object.keys(res).filter((k) => k !== '_meta'), []);
  });

  it('tools/list returns well-formed tools, including get_server_stats', async () => {
    tools = await listAll((p) => client.listTools(p), 'tools');
    assert.ok(tools.length >= 1);
    const names = tools.map((t) => t.name);
    assert.equal(new Set(names).size, names.length, `duplicate tool names: ${names}`);
    for (const tool of tools) checkToolDefinition(tool, ajv);
    // 2025-11-25: outputSchema root must be an object schema.
    for (const tool of tools) {
      if (tool.outputSchema) assert.equal(tool.outputSchema.type, 'object', `${tool.name}: outputSchema root type`);
      assert.equal(tool.execution, undefined, `${tool.name}: execution (tasks) declared without tasks capability`);
    }
    const stats = tools.find((t) => t.name === 'get_server_stats');
    assert.ok(stats, `get_server_stats missing from ${names}`);
    assert.ok(stats.outputSchema, 'get_server_stats declares no outputSchema');
    assert.equal(stats.annotations?.readOnlyHint, true);
    assert.equal(typeof stats.title, 'string');
  });

  it('every callable tool returns structuredContent that matches its outputSchema (ajv 2020-12)', async () => {
    const called = await callAndValidateEveryTool(tools, (name, args) => client.callTool({ name, arguments: args }), ajv,
      { requireObjectRoot: true });
    assert.ok(called.includes('get_server_stats'), `called: ${called}`);
  });

  it('get_server_stats reports this server and at least the traffic this test sent', async () => {
    const result = await client.callTool({ name: 'get_server_stats', arguments: {} });
    assert.notEqual(result.isError, true, resultText(result));
    const s = result.structuredContent;
    assert.equal(s.server.name, 'nba-mcp');
    assert.equal(s.server.version, client.getServerVersion().version);
    assert.equal(s.protocol.negotiated_version, LATEST_PROTOCOL_VERSION);
    assert.ok(s.uptime_s > 0 && s.uptime_s < 3600, `uptime_s ${s.uptime_s}`);
    const r = s.requests;
    assert.ok(r.requests >= wire.requestCount(), `requests ${r.requests} < ${wire.requestCount()} sent by this client`);
    assert.ok(r.notifications >= wire.notificationCount(), `notifications ${r.notifications} < ${wire.notificationCount()}`);
    assert.ok(r.messages >= r.requests + r.notifications, `messages ${r.messages} < requests + notifications`);
    assert.ok(r.in_flight >= 1, 'the stats call itself is in flight');
    const prior = s.tools.find((t) => t.tool === 'get_server_stats');
    assert.ok(prior && prior.calls >= 1, `per-tool stats miss the earlier get_server_stats call: ${JSON.stringify(s.tools)}`);
    assert.ok(resultText(result).length > 0, 'no text content');
  });

  it('a bad argument is a tool execution error (isError) naming the argument', async () => {
    const result = await client.callTool({ name: 'get_server_stats', arguments: { [BOGUS_ARG]: 1 } });
    assert.equal(result.isError, true, JSON.stringify(result));
    assert.match(resultText(result), new RegExp(`\\b${BOGUS_ARG}\\b`));
    const checked = await checkBadArgumentsEveryTool(tools, (name, args) => client.callTool({ name, arguments: args }));
    assert.ok(checked >= 1);
  });

  it('answer_nba_question answers a plain-English question with real values', async () => {
    const result = await client.callTool({
      name: 'answer_nba_question',
      arguments: { question: 'Who led the NBA in points in 2024-25?' },
    });
    assert.notEqual(result.isError, true, JSON.stringify(result));
    assert.match(resultText(result), /Shai Gilgeous-Alexander led the NBA with 32\.7 points per game in 2024-25/);
    assert.equal(result.structuredContent.status, 'answered');
    assert.deepEqual(result.structuredContent.intents, ['leaders']);
    assert.equal(result.structuredContent.season, '2024-25');
    assert.equal(result.structuredContent.plan.calls[0].tool, 'get_league_leaders');
    const unclear = await client.callTool({ name: 'answer_nba_question', arguments: { question: 'hmm, what?' } });
    assert.equal(unclear.structuredContent.status, 'clarification');
    const tooShort = await client.callTool({ name: 'answer_nba_question', arguments: { question: 'hi' } });
    assert.equal(tooShort.isError, true);
    assert.match(resultText(tooShort), /question/);
  });

  it('an unknown tool is a JSON-RPC invalid-params error', async () => {
    await expectRpcError(client.callTool({ name: 'e2e_no_such_tool', arguments: {} }), -32602, 'unknown tool', wire);
  });

  it('concurrent calls all come back, each matched to its request', async () => {
    const validate = compileSchema(ajv, tools.find((t) => t.name === 'get_server_stats').outputSchema, 'stats');
    const results = await Promise.all(Array.from({ length: 16 }, () =>
      client.callTool({ name: 'get_server_stats', arguments: {} })));
    for (const res of results) {
      assert.notEqual(res.isError, true);
      assertValid(validate, res.structuredContent, 'concurrent get_server_stats');
    }
  });

  it('resources: list, read nba://server/stats as JSON, unknown URI is -32002', async () => {
    const resources = await listAll((p) => client.listResources(p), 'resources');
    const stats = resources.find((r) => r.uri === STATS_URI);
    assert.ok(stats, `${STATS_URI} missing from ${JSON.stringify(resources)}`);
    assert.equal(stats.mimeType, 'application/json');
    assert.equal(typeof stats.name, 'string');

    const read = await client.readResource({ uri: STATS_URI });
    assert.equal(read.contents.length, 1);
    const [c] = read.contents;
    assert.equal(c.uri, STATS_URI);
    assert.equal(c.mimeType, 'application/json');
    const body = JSON.parse(c.text);
    assert.equal(body.server.name, 'nba-mcp');
    // Same figures as get_server_stats, so the tool's outputSchema applies.
    const validate = compileSchema(ajv, tools.find((t) => t.name === 'get_server_stats').outputSchema, 'stats');
    assertValid(validate, body, `${STATS_URI} body`);
    assert.ok(body.requests.requests >= wire.requestCount());

    const templates = await listAll((p) => client.listResourceTemplates(p), 'resourceTemplates');
    assert.ok(Array.isArray(templates));

    await expectRpcError(client.readResource({ uri: 'nba://e2e/no-such-resource' }), -32002, 'unknown resource', wire);
  });

  it('prompts: list, get each with real arguments and check the message, unknown is -32602', async () => {
    const prompts = await listAll((p) => client.listPrompts(p), 'prompts');
    await checkPromptsWithRealArguments(prompts, (params) => client.getPrompt(params));
    await expectRpcError(client.getPrompt({ name: 'e2e_no_such_prompt' }), -32602, 'unknown prompt', wire);
  });

  it('completion/complete works for every prompt argument and template variable', async () => {
    const prompts = await listAll((p) => client.listPrompts(p), 'prompts');
    const templates = await listAll((p) => client.listResourceTemplates(p), 'resourceTemplates');
    await checkCompletions(prompts, templates, (params) => client.complete(params), wire);
    await checkCompletionContent((params) => client.complete(params));
  });

  it('resources: nba://teams and nba://players/{id} say what the data says', async () => {
    await checkResourceContent((params) => client.readResource(params));
  });

  it('logging/setLevel is accepted (logging is declared in the legacy era)', async () => {
    await client.setLoggingLevel('warning');
  });

  it('the per-tool counters account for this session', async () => {
    const result = await client.callTool({ name: 'get_server_stats', arguments: {} });
    const row = result.structuredContent.tools.find((t) => t.tool === 'get_server_stats');
    // Successful get_server_stats calls that had finished before this one. (Calls rejected by
    // argument validation are not counted per tool by the server: validation runs before the
    // usage middleware. See the e2e report.)
    const okIds = new Set(wire.received.filter((m) => m.result && m.result.isError !== true).map((m) => m.id));
    const okCalls = wire.sent.filter((m) => m.method === 'tools/call' && m.params?.name === 'get_server_stats' &&
      okIds.has(m.id)).length - 1;
    assert.ok(row.calls >= okCalls, `calls ${row.calls} < ${okCalls} successful calls made earlier`);
    assert.ok(row.mean_ms >= 0);
    const errorResponses = wire.received.filter((m) => m.error !== undefined).length;
    assert.ok(result.structuredContent.requests.protocol_errors >= errorResponses,
      `protocol_errors ${result.structuredContent.requests.protocol_errors} < ${errorResponses} error responses received`);
  });

  it('the server answered every request exactly once and sent no requests but ping', () => {
    assert.deepEqual(wire.garbage, [], 'non-JSON-RPC output on stdout');
    const ids = wire.sent.filter((m) => m.method !== undefined && m.id !== undefined).map((m) => m.id);
    const answered = new Map();
    for (const m of wire.received) {
      assert.equal(m.jsonrpc, '2.0', JSON.stringify(m));
      if (m.method !== undefined) {
        // Notifications (e.g. logging) are fine; we declared no client capabilities, so the only
        // request a legacy server may send us is ping.
        if (m.id !== undefined) assert.equal(m.method, 'ping', `unexpected server request: ${JSON.stringify(m)}`);
        continue;
      }
      assert.ok(ids.includes(m.id), `response to an id we never used: ${JSON.stringify(m)}`);
      answered.set(m.id, (answered.get(m.id) ?? 0) + 1);
    }
    for (const id of ids) assert.equal(answered.get(id), 1, `request ${id} answered ${answered.get(id) ?? 0} times`);
  });

  it('closing stdin makes the server exit 0 promptly', async () => {
    closed = true;
    await closeAndExpectCleanExit({ client, watch, stderr, wire });
  });
});
