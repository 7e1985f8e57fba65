import { SaxesParser } from 'saxes'
import { LogBuilder, type BuildOptions, type BuiltLog } from '../log/log-builder.js'
import { LogFileError } from '../log/log-messages.js'
import { readText, type LogInput, type ProgressListener } from './text-source.js'
import { NotXesError, XesHandler } from './xes-handler.js'

export interface ReadXesOptions extends BuildOptions {
  readonly onProgress?: ProgressListener
}

/** The parser stopped at malformed XML: where, and why. */
class MalformedXml extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly detail: string,
  ) {
    super(detail)
  }
}

function saxesDetail(error: Error): string {
  // saxes prefixes its messages with "line:column: "; the position is reported on its own.
  return error.message.replace(/^[^:]*:\d+:\d+: /, '').replace(/^\d+:\d+: /, '')
}

function createParser(handler: XesHandler): SaxesParser {
  const parser = new SaxesParser({ xmlns: false, position: true })
  parser.on('opentag', (tag) => handler.open(tag.name, tag.attributes))
  parser.on('closetag', (tag) => handler.close(tag.name))
  parser.on('error', (error) => {
    throw new MalformedXml(parser.line, parser.column, saxesDetail(error))
  })
  return parser
}

/**
 * Reads an XES event log (IEEE 1849-2016), plain or gzipped, as a stream: memory grows with the
 * log's columns, not with the file. A file that is not XES throws LogFileError; a problem inside
 * a log (an event without activity or time, events out of order, malformed XML part-way) is an
 * issue of the report, and what could be read is still returned.
 */
export async function readXes(path: LogInput, options: ReadXesOptions = {}): Promise<BuiltLog> {
  const builder = new LogBuilder(options)
  const handler = new XesHandler(builder)
  const parser = createParser(handler)
  try {
    for await (const text of readText(path, options.onProgress)) parser.write(text)
    parser.close()
  } catch (error) {
    if (error instanceof LogFileError) throw error
    if (error instanceof NotXesError)
      throw new LogFileError('INSIGHT_LOG_NOT_XES', { detail: error.message })
    const malformed =
      error instanceof MalformedXml
        ? error
        : new MalformedXml(
            parser.line,
            parser.column,
            error instanceof Error ? error.message : String(error),
          )
    if (!handler.rootSeen) {
      throw new LogFileError('INSIGHT_LOG_NOT_XES', { detail: malformed.detail })
    }
    builder.issue('INSIGHT_LOG_MALFORMED_XML', {
      line: malformed.line,
      column: malformed.column,
      detail: malformed.detail,
      traces: handler.completedTraces,
    })
  }
  if (!handler.rootSeen) throw new LogFileError('INSIGHT_LOG_NOT_XES', { detail: 'empty' })
  builder.setLogAttributes(handler.logAttributes())
  return builder.finish()
}
