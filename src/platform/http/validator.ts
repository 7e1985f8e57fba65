import { Ajv, type Options } from 'ajv'
import addFormats from 'ajv-formats'
import type { FastifySchemaCompiler } from 'fastify'

function createAjv(options: Options): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, useDefaults: true, ...options })
  addFormats.default(ajv)
  return ajv
}

/**
 * Bodies are validated strictly (a string is never silently turned into a number); query strings
 * and path parameters are coerced because they arrive as text.
 */
export function createValidatorCompiler(): FastifySchemaCompiler<unknown> {
  const strict = createAjv({ coerceTypes: false, removeAdditional: false })
  const coercing = createAjv({ coerceTypes: 'array', removeAdditional: false })
  return ({ schema, httpPart }) => {
    const ajv = httpPart === 'body' ? strict : coercing
    return ajv.compile(schema as object) as ReturnType<FastifySchemaCompiler<unknown>>
  }
}
