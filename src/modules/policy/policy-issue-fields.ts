import { fieldError, type FieldError } from '../../platform/errors.js'
import type { PolicyIssue } from './rules/policy-issues.js'

/**
 * A policy issue as a problem+json field error: the JSON pointer into the document, the issue's
 * code, and the message with where it is — the line and column in the YAML or DMN file, and inside
 * a FEEL expression.
 */
export function issueToField(issue: PolicyIssue): FieldError {
  const where: { zh: string[]; en: string[] } = { zh: [], en: [] }
  const { source, feel } = issue
  if (source?.line !== undefined) {
    const file = source.file ?? ''
    where.zh.push(`${file}第 ${source.line} 行第 ${source.column ?? 1} 列`)
    where.en.push(`${file ? `${file} ` : ''}line ${source.line}, column ${source.column ?? 1}`)
  }
  if (feel) {
    where.zh.push(`表达式第 ${feel.line} 行第 ${feel.column} 列：${feel.snippet}`)
    where.en.push(`expression line ${feel.line}, column ${feel.column}: ${feel.snippet}`)
  }
  const zh =
    where.zh.length > 0 ? `${issue.message.zh}（${where.zh.join('；')}）` : issue.message.zh
  const en = where.en.length > 0 ? `${issue.message.en} (${where.en.join('; ')})` : issue.message.en
  return fieldError(issue.path, issue.code, { zh, en })
}
