/**
 * The yardstick of issue #23: bare Fastify from the project's own node_modules, one `GET /` answering `{}` and
 * one `POST /` accepting a JSON or NDJSON body, no plugins, no logging. Run as its own process (like the
 * server) by `startBareFastify`; `node --import tsx bench/support/bare-fastify.ts <port>`.
 */
import Fastify from 'fastify'

const port = Number(process.argv[2])
const app = Fastify({ logger: false })
app.addContentTypeParser('application/x-ndjson', { parseAs: 'string' }, (_req, body, done) =>
  done(null, body),
)
app.get('/', async () => ({}))
app.post('/', async (_req, reply) => reply.code(202).send({ accepted: true }))
await app.listen({ port, host: '127.0.0.1' })
