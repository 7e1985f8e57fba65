import Fastify from 'fastify'

/**
 * The peer of the HTTP figure: a bare Fastify 5 server with one route and no plugins, hooks,
 * logging or schemas. Usage: bare-server.ts PORT (listens on 127.0.0.1).
 */
const port = Number(process.argv[2] ?? '0')
const app = Fastify({ logger: false })
app.get('/hello', async () => ({ hello: 'world' }))
await app.listen({ port, host: '127.0.0.1' })
process.stderr.write(`bare fastify listening on 127.0.0.1:${port}\n`)

const stop = () => {
  app.close().then(
    () => process.exit(0),
    () => process.exit(1),
  )
}
process.once('SIGTERM', stop)
process.once('SIGINT', stop)
