// TEST-ONLY launcher: runs the reference atproto PDS (@atproto/dev-env) on loopback for e2e tests.
//
// Usage: node launcher.mjs [config.json]
//   config: JSON file (or the DESKTOP_APP_TEST_LAUNCHER_CONFIG env var holding JSON); see
//   docs/harness.md for the keys. DESKTOP_APP_TEST_PDS_MODULES names the node_modules dir that
//   scripts/ensure-node.sh installed (this file lives outside it, so bare imports can't resolve).
// Prints exactly one JSON line on stdout when ready; everything else goes to stderr. Stops on
// SIGTERM/SIGINT and when stdin closes (the parent died).
//
// Every knob below is TEST-ONLY: it patches live objects of @atproto/oauth-provider 0.22.9 inside
// the running PDS so tests can reach states (short lifetimes, trusted clients, https client ids
// served from loopback) that a production server only reaches with real time or real DNS.

import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'

const log = (...args) => console.error('[launcher]', ...args)

// dev-env servers call listen(port) on all interfaces; tests must never be reachable from
// outside the machine, so every listening socket without an explicit host is pinned to loopback.
const LOOPBACK = '127.0.0.1'
const origListen = net.Server.prototype.listen
// TEST-ONLY (pdsPublicPort, pdsInternalPort): the PDS's public URL names the port a
// fault-injection proxy listens on; the PDS itself listens on the internal port behind it.
const remapped = { from: null, to: null }
net.Server.prototype.listen = function (...args) {
  if (remapped.from !== null && Number(args[0]) === remapped.from) args[0] = remapped.to
  const [first] = args
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    if (typeof args[1] !== 'string') args.splice(1, 0, LOOPBACK)
  } else if (first && typeof first === 'object' && first.path == null && first.host == null) {
    args[0] = { ...first, host: LOOPBACK }
  } else if (first === undefined || typeof first === 'function') {
    args.unshift(0, LOOPBACK)
  }
  return origListen.apply(this, args)
}

async function freePort() {
  const srv = net.createServer()
  await new Promise((resolve, reject) => {
    srv.once('error', reject)
    origListen.call(srv, 0, LOOPBACK, resolve)
  })
  const { port } = srv.address()
  await new Promise((resolve) => srv.close(resolve))
  return port
}

function readConfig() {
  if (process.argv[2]) return JSON.parse(fs.readFileSync(process.argv[2], 'utf8'))
  if (process.env.DESKTOP_APP_TEST_LAUNCHER_CONFIG) {
    return JSON.parse(process.env.DESKTOP_APP_TEST_LAUNCHER_CONFIG)
  }
  return {}
}

const modulesDir = process.env.DESKTOP_APP_TEST_PDS_MODULES
if (!modulesDir || !fs.existsSync(path.join(modulesDir, '@atproto', 'dev-env'))) {
  log('DESKTOP_APP_TEST_PDS_MODULES must name a node_modules dir with @atproto/dev-env')
  process.exit(2)
}
const rootRequire = createRequire(path.join(path.dirname(modulesDir), 'package.json'))
// Resolve the provider's helpers through the PDS's own dependency chain so the patched
// objects and the imported schema come from the very copies the PDS runs.
const pdsEntry = rootRequire.resolve('@atproto/pds')
const providerEntry = createRequire(pdsEntry).resolve('@atproto/oauth-provider/provider')
const typesEntry = createRequire(providerEntry).resolve('@atproto/oauth-types')
const load = (file) => import(pathToFileURL(file).href)

const DEFAULT_ACCOUNTS = [
  { handle: 'alice.test', email: 'alice@example.com', password: 'alice-pass' },
  { handle: 'bob.test', email: 'bob@example.com', password: 'bob-pass' },
]

async function main() {
  const config = readConfig()
  // The package index also loads the AppView, Ozone and bsync (~1 s more); the PDS-only
  // network lives in its own module.
  const devEnvEntry = rootRequire.resolve('@atproto/dev-env')
  const devEnv =
    config.network === 'full'
      ? await load(devEnvEntry)
      : await load(path.join(path.dirname(devEnvEntry), 'network-no-appview.js'))
  const { oauthClientMetadataSchema } = await load(typesEntry)

  if (config.pdsPublicPort) {
    remapped.from = config.pdsPublicPort
    remapped.to = config.pdsInternalPort
  }
  const pdsParams = {
    port: config.pdsPublicPort || (await freePort()),
    // TEST-ONLY: PDS_OAUTH_TRUSTED_CLIENTS; getClientInfo() marks these client_ids trusted,
    // which lets a public client use prompt=none and skips the forced consent screen.
    ...(config.trustedClients?.length ? { trustedOAuthClients: config.trustedClients } : {}),
  }
  const plcParams = { port: await freePort() }

  let network
  if (config.network === 'full') {
    if (!config.dbPostgresUrl || !config.redisHost) {
      throw new Error('full network needs dbPostgresUrl and redisHost')
    }
    // TestNetwork reads redis from the environment only.
    process.env.REDIS_HOST = config.redisHost
    const bskyPort = await freePort()
    network = await devEnv.TestNetwork.create({
      dbPostgresUrl: config.dbPostgresUrl,
      dbPostgresSchema: config.dbPostgresSchema ?? 'harness',
      plc: plcParams,
      // The PDS writes image URLs itself for posts the AppView has not indexed yet (read after
      // write); dev-env's pattern names cdn.appview.com. Point it at the AppView on loopback.
      pds: {
        ...pdsParams,
        bskyAppViewCdnUrlPattern: `http://localhost:${bskyPort}/img/%s/plain/%s/%s`,
      },
      // The AppView builds image URLs from publicUrl; dev-env's default names a public host
      // (bsky.public.url), which would send clients off the machine. Serve them from loopback.
      bsky: { port: bskyPort, publicUrl: `http://localhost:${bskyPort}` },
      ozone: { port: await freePort() },
    })
  } else {
    // dev-env points these at *.invalid hosts, which would still cost a DNS query off the
    // machine; a closed loopback port fails the same way (502 UpstreamFailure) without one.
    const dead = `http://127.0.0.1:${await freePort()}`
    network = await devEnv.TestNetworkNoAppView.create({
      plc: plcParams,
      pds: { bskyAppViewUrl: dead, modServiceUrl: dead, ...pdsParams },
    })
  }

  let closing = null
  const shutdown = (code) => {
    if (closing) return closing
    const timer = setTimeout(() => {
      log('close timed out')
      process.exit(code || 1)
    }, 10_000)
    timer.unref()
    closing = network
      .close()
      .catch((err) => log('close failed:', err?.stack ?? err))
      .finally(() => process.exit(code))
    return closing
  }
  process.once('SIGTERM', () => shutdown(0))
  process.once('SIGINT', () => shutdown(0))
  process.stdin.on('end', () => shutdown(0))
  process.stdin.on('error', () => shutdown(0))
  process.stdin.resume()

  const provider = network.pds.ctx.oauthProvider
  applyKnobs(provider, config, oauthClientMetadataSchema)

  const pdsUrl = network.pds.url
  const accounts = []
  for (const acc of config.accounts ?? DEFAULT_ACCOUNTS) {
    const res = await fetch(`${pdsUrl}/xrpc/com.atproto.server.createAccount`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ handle: acc.handle, email: acc.email, password: acc.password }),
    })
    const body = await res.json()
    if (!res.ok) throw new Error(`createAccount ${acc.handle}: ${res.status} ${JSON.stringify(body)}`)
    accounts.push({ handle: body.handle, did: body.did, email: acc.email, password: acc.password })
  }
  const lexiconAuthority = config.permissionSets?.length
    ? await publishPermissionSets(network, config.permissionSets)
    : null
  if (config.network === 'full') await network.processAll()

  const issuer = provider.issuer
  const controlUrl = config.network === 'full' ? await startControl(network, path.dirname(devEnvEntry)) : null
  const ready = {
    issuer,
    pdsUrl,
    plcUrl: network.plc.url,
    network: config.network === 'full' ? 'full' : 'pds',
    accounts,
    pid: process.pid,
    ...(config.network === 'full'
      ? { appviewUrl: network.bsky.url, appviewDid: network.bsky.ctx.cfg.serverDid, controlUrl }
      : {}),
    ...(lexiconAuthority ? { lexiconAuthority } : {}),
  }
  process.stdout.write(JSON.stringify(ready) + '\n')
}

// TEST-ONLY: permission sets resolvable offline. The PDS resolves `include:` scopes by NSID
// (DNS TXT _lexicon.<authority>, then the authority's repo). Here a local account publishes
// each set's lexicon, built from the PDS's own compiled copy, as a com.atproto.lexicon.schema
// record, and the PDS's lexicon authority override (PDS_LEXICON_AUTHORITY_DID, read at each
// resolution) names that account; the PDS reads lexicons of its own accounts from its store.
async function publishPermissionSets(network, nsids) {
  const pdsUrl = network.pds.url
  const post = async (nsid, body, token) => {
    const res = await fetch(`${pdsUrl}/xrpc/${nsid}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json',
                 ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    })
    const data = await res.json()
    if (!res.ok) throw new Error(`${nsid}: ${res.status} ${JSON.stringify(data)}`)
    return data
  }
  const account = await post('com.atproto.server.createAccount', {
    handle: 'lexicons.test', email: 'lexicons@example.com', password: 'lexicons-pass',
  })
  const lexDir = path.join(path.dirname(pdsEntry), 'lexicons')
  for (const nsid of nsids) {
    const file = path.join(lexDir, ...nsid.split('.').slice(0, -1), `${nsid.split('.').pop()}.defs.js`)
    const { main: set } = await load(file)
    const { title, detail } = set.options
    const doc = {
      $type: 'com.atproto.lexicon.schema',
      lexicon: 1,
      id: nsid,
      defs: {
        main: {
          type: 'permission-set',
          ...(title ? { title } : {}),
          ...(detail ? { detail } : {}),
          permissions: set.permissions.map((p) => ({ type: 'permission', resource: p.resource,
                                                     ...p.options })),
        },
      },
    }
    await post('com.atproto.repo.putRecord', {
      repo: account.did, collection: 'com.atproto.lexicon.schema', rkey: nsid, record: doc,
    }, account.accessJwt)
  }
  network.pds.ctx.cfg.lexicon.didAuthority = account.did
  return account.did
}

// TEST-ONLY control port (loopback, full network only), for what dev-env runs no service for.
// Every request first lets every service catch up with the firehose, then:
// POST /label {"uri", "cid"?, "val"}: a label on a record (cid given) or an account (uri is its
// DID), written into the AppView's label table as dev-env's own seed data does (the issuer is
// dev-env's example labeler, which the AppView is configured to trust); nothing ingests a
// labeler's stream in dev-env. POST /process: nothing more. POST /feed…: custom feed
// generators (see FeedGenerators below). Answers are JSON; a failure is 500 with the error text.
async function startControl(network, devEnvDir) {
  const http = await import('node:http')
  const { EXAMPLE_LABELER } = await load(path.join(devEnvDir, 'const.js'))
  const feeds = new FeedGenerators(network)
  const routes = {
    '/label': async ({ uri, cid, val }) => {
      await network.bsky.db.db
        .insertInto('label')
        .values({ uri, cid: cid ?? '', val, neg: false, cts: new Date().toISOString(),
                  src: EXAMPLE_LABELER })
        .execute()
      return {}
    },
    '/process': async () => ({}),
    '/feed': (body) => feeds.create(body),
    '/feed/rule': ({ uri, rule }) => feeds.get(uri).setRule(rule),
    '/feed/state': ({ uri, state }) => feeds.get(uri).setState(state),
    '/feed/requests': ({ uri }) => ({ requests: feeds.get(uri).requests }),
  }
  const server = http.createServer(async (req, res) => {
    const chunks = []
    for await (const chunk of req) chunks.push(chunk)
    const route = req.method === 'POST' ? routes[req.url] : undefined
    if (!route) {
      res.writeHead(404).end()
      return
    }
    try {
      const text = Buffer.concat(chunks).toString('utf8')
      await network.processAll()
      const answer = await route(text ? JSON.parse(text) : {})
      await network.processAll()
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer ?? {}))
    } catch (err) {
      log('control failed:', err?.stack ?? err)
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(err?.message ?? err))
    }
  })
  await new Promise((resolve) => origListen.call(server, 0, LOOPBACK, resolve))
  return `http://${LOOPBACK}:${server.address().port}`
}

// TEST-ONLY custom feeds: each is its own dev-env TestFeedGen (network.createFeedGen: a
// did:plc on the harness PLC whose BskyFeedGenerator service is http://localhost:<free port>,
// an XRPC server answering app.bsky.feed.getFeedSkeleton and describeFeedGenerator), and an
// app.bsky.feed.generator record naming that DID, written by the owner account on the PDS.
// The AppView then serves getFeedGenerator and getFeed for it as for any feed.
//
// rule (what the skeleton lists, newest first, paged by limit with an offset cursor):
//   {"posts": [at-uri, …]}            exactly these, in this order
//   {"authors": [did, …], "contains": "word"}
//                                     posts the AppView has indexed by these authors and/or
//                                     whose text contains the word (case-insensitive)
//   {}                                nothing
// state: "up"; "error" (answers 500 InternalServerError); "invalid" (a 200 that breaks the
// lexicon); "stall" (never answers: the AppView gives up after its 5 s skeleton timeout);
// "offline" (stops listening: connection refused).
const FEED_STATES = new Set(['up', 'error', 'invalid', 'stall', 'offline'])

class FeedGenerators {
  constructor(network) {
    this.network = network
    this.feeds = new Map()
  }

  get(uri) {
    const feed = this.feeds.get(uri)
    if (!feed) throw new Error(`no feed generator for ${uri}`)
    return feed
  }

  async create({ owner, rkey, displayName, description, acceptsInteractions, rule }) {
    const uri = `at://${owner.did}/app.bsky.feed.generator/${rkey}`
    if (this.feeds.has(uri)) throw new Error(`${uri} exists already`)
    const feed = new Feed(this.network, uri, rule)
    feed.generator = await this.network.createFeedGen({ [uri]: (args) => feed.skeleton(args) })
    // Closing a generator that is offline would fail (the server is not listening) and stop
    // network.close() short; there is nothing left to close then.
    const close = feed.generator.close.bind(feed.generator)
    feed.generator.close = () => (feed.generator.server.listening ? close() : Promise.resolve())
    const pdsUrl = this.network.pds.url
    const session = await xrpcPost(pdsUrl, 'com.atproto.server.createSession', {
      identifier: owner.did, password: owner.password,
    })
    const record = {
      $type: 'app.bsky.feed.generator',
      did: feed.generator.did,
      displayName,
      ...(description ? { description } : {}),
      ...(acceptsInteractions ? { acceptsInteractions: true } : {}),
      createdAt: new Date().toISOString(),
    }
    const written = await xrpcPost(pdsUrl, 'com.atproto.repo.putRecord', {
      repo: owner.did, collection: 'app.bsky.feed.generator', rkey, record,
    }, session.accessJwt)
    this.feeds.set(uri, feed)
    return { uri: written.uri, cid: written.cid, did: feed.generator.did,
             url: `http://localhost:${feed.generator.port}` }
  }
}

class Feed {
  constructor(network, uri, rule) {
    this.network = network
    this.uri = uri
    this.rule = rule ?? {}
    this.state = 'up'
    this.requests = []
    this.stalled = []
    this.generator = null
  }

  setRule(rule) {
    this.rule = rule ?? {}
    return {}
  }

  async setState(state) {
    if (!FEED_STATES.has(state)) throw new Error(`unknown feed state ${state}`)
    const server = this.generator.server
    if (state === 'offline' && server.listening) {
      await new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    } else if (state !== 'offline' && !server.listening) {
      await new Promise((resolve, reject) => {
        server.once('error', reject)
        server.listen(this.generator.port, LOOPBACK, () => {
          server.off('error', reject)
          resolve()
        })
      })
    }
    this.state = state
    if (state !== 'stall') for (const release of this.stalled.splice(0)) release()
    return {}
  }

  async skeleton({ params, req, signal }) {
    this.requests.push({
      limit: params.limit ?? null,
      cursor: params.cursor ?? null,
      viewer: viewerOf(req.headers.authorization),
    })
    if (this.state === 'stall') {
      await new Promise((resolve) => {
        this.stalled.push(resolve)
        signal?.addEventListener('abort', resolve, { once: true })
      })
    }
    if (this.state === 'error') throw new Error('TEST-ONLY: this feed generator is made to fail')
    if (this.state === 'invalid') {
      // A pass-through buffer skips the server's own output validation.
      return { encoding: 'application/json', buffer: Buffer.from('{"feed":"not a list"}') }
    }
    const limit = params.limit ?? 50
    const offset = params.cursor && /^\d+$/.test(params.cursor) ? Number(params.cursor) : 0
    const uris = await this.select(offset + limit + 1)
    const page = uris.slice(offset, offset + limit)
    return {
      encoding: 'application/json',
      body: {
        feed: page.map((post) => ({ post })),
        ...(uris.length > offset + limit ? { cursor: String(offset + limit) } : {}),
      },
    }
  }

  async select(count) {
    const { posts, authors, contains } = this.rule
    if (posts) return posts.slice(0, count)
    if (!authors?.length && !contains) return []
    let query = this.network.bsky.db.db.selectFrom('post').select('uri')
    if (authors?.length) query = query.where('creator', 'in', authors)
    if (contains) {
      query = query.where('text', 'ilike', `%${contains.replace(/[\\%_]/g, '\\$&')}%`)
    }
    const rows = await query.orderBy('sortAt', 'desc').orderBy('uri', 'desc').limit(count).execute()
    return rows.map((row) => row.uri)
  }
}

// The account a getFeedSkeleton request is made for: the issuer of the service JWT the
// AppView passes on (null when the feed was read signed out).
function viewerOf(authorization) {
  const token = authorization?.startsWith('Bearer ') ? authorization.slice(7) : null
  if (!token) return null
  try {
    return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')).iss ?? null
  } catch {
    return null
  }
}

async function xrpcPost(baseUrl, nsid, body, token) {
  const res = await fetch(`${baseUrl}/xrpc/${nsid}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json',
               ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
  const data = await res.json()
  if (!res.ok) throw new Error(`${nsid}: ${res.status} ${JSON.stringify(data)}`)
  return data
}

function applyKnobs(provider, config, oauthClientMetadataSchema) {
  const ms = (seconds) => Math.round(seconds * 1000)

  // TEST-ONLY: access token lifetime. TokenManager.createTokenExpiry() caps access tokens at
  // min(tokenMaxAge, session end); RequestManager keeps its own copy (constructor default).
  if (config.accessTokenLifetime != null) {
    provider.tokenManager.tokenMaxAge = ms(config.accessTokenLifetime)
    provider.requestManager.tokenMaxAge = ms(config.accessTokenLifetime)
  }

  // TEST-ONLY: how long a remembered device sign-in counts as fresh (checkLoginRequired()).
  if (config.authenticationMaxAge != null) {
    provider.authenticationMaxAge = ms(config.authenticationMaxAge)
  }

  // TEST-ONLY: session / refresh-token lifetimes are getters on Client (2 weeks each for public
  // clients); shadow them on every Client instance the manager hands out.
  if (config.sessionLifetime != null || config.refreshLifetime != null) {
    const cm = provider.clientManager
    const getClient = cm.getClient.bind(cm)
    cm.getClient = async (clientId) => {
      const client = await getClient(clientId)
      if (config.sessionLifetime != null) {
        Object.defineProperty(client, 'sessionLifetime', { value: ms(config.sessionLifetime) })
      }
      if (config.refreshLifetime != null) {
        Object.defineProperty(client, 'refreshLifetime', { value: ms(config.refreshLifetime) })
      }
      return client
    }
  }

  // TEST-ONLY: DPoP nonce rotation interval (default 60 s; a nonce stays valid for its own,
  // the previous and the next interval). DpopNonce validates 1..60 s.
  if (config.dpopNonceRotation != null) {
    const current = provider.dpopManager.dpopNonce
    if (!current) throw new Error('dpopNonceRotation: the server has DPoP nonces disabled')
    const DpopNonce = current.constructor
    provider.dpopManager.dpopNonce = new DpopNonce(undefined, ms(config.dpopNonceRotation))
  }
  // TEST-ONLY: a server that never asks for DPoP nonces.
  if (config.disableDpopNonce) {
    provider.dpopManager.dpopNonce = undefined
  }

  // TEST-ONLY: serve a discoverable https client_id's metadata document from loopback. The
  // provider only accepts https client ids on public hostnames; this fetches the mapped URL and
  // runs the document through the provider's own schema and validateClientMetadata(), as the
  // unpatched getter does. Mapped documents are not cached, so tests may change them.
  const map = config.clientMetadataMap ?? {}
  if (Object.keys(map).length) {
    const mapped = new Map(Object.entries(map).map(([k, v]) => [new URL(k).href, v]))
    const cm = provider.clientManager
    const getter = cm.metadataGetter
    const origGet = getter.get.bind(getter)
    getter.get = async (uri, options) => {
      const target = mapped.get(uri)
      if (!target) return origGet(uri, options)
      const res = await fetch(target, {
        headers: { accept: 'application/json' },
        redirect: 'error',
        signal: options?.signal,
      })
      if (!res.ok) throw new Error(`client metadata ${target}: HTTP ${res.status}`)
      const type = res.headers.get('content-type')?.split(';')[0].trim()
      if (type !== 'application/json') {
        throw new Error(`client metadata ${target}: unexpected content-type ${type}`)
      }
      const metadata = await oauthClientMetadataSchema.parseAsync(await res.json())
      return cm.validateClientMetadata(uri, metadata)
    }
  }
}

main().catch((err) => {
  log('failed to start:', err?.stack ?? err)
  process.exit(1)
})
