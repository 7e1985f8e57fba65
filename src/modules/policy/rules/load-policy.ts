import { isNode, LineCounter, parseDocument } from 'yaml'
import type { Document } from 'yaml'
import { compilePolicy } from './compile-policy.js'
import type { CompiledPolicy } from './compile-policy.js'
import { parseDmnXml } from './dmn-xml.js'
import type { DmnDecision } from './dmn-xml.js'
import { at, issue, tokensOf } from './policy-issues.js'
import type { PolicyIssue } from './policy-issues.js'
import type { PolicyDocument } from './policy.types.js'
import { readPolicyDocument } from './read-document.js'

export type LoadPolicyOptions = {
  /** Reads a DMN file the policy refers to, by the name written in the YAML. */
  readFile?: (name: string) => Promise<string> | string
}

export type LoadPolicyResult =
  | { ok: true; document: PolicyDocument; policy: CompiledPolicy }
  | { ok: false; issues: PolicyIssue[] }

/**
 * Parses a policy YAML file, reads the DMN files it refers to, checks the document and compiles
 * it. Every issue has a JSON pointer; issues in the YAML also carry the line and column of the
 * offending node (`source`), FEEL issues the position inside the expression (`feel`).
 */
export async function loadPolicyYaml(
  text: string,
  options: LoadPolicyOptions = {},
): Promise<LoadPolicyResult> {
  const lineCounter = new LineCounter()
  const yaml = parseDocument(text, { lineCounter, prettyErrors: false, merge: true })
  if (yaml.errors.length > 0) {
    return {
      ok: false,
      issues: yaml.errors.map((error) => {
        const position = lineCounter.linePos(error.pos[0])
        const reason = error.message.split('\n')[0] ?? error.code
        return {
          ...issue(
            '',
            'POLICY_YAML_SYNTAX',
            `YAML 语法错误：${reason}`,
            `YAML syntax error: ${reason}`,
          ),
          source: { line: position.line, column: position.col },
        }
      }),
    }
  }
  const value: unknown = yaml.toJS()
  const dmn = await readDmnFiles(value, options)
  if (!dmn.ok) return { ok: false, issues: locate(dmn.issues, yaml, lineCounter) }
  const read = readPolicyDocument(value, dmn.library)
  if (!read.ok) return { ok: false, issues: locate(read.issues, yaml, lineCounter) }
  const compiled = compilePolicy(read.document)
  if (!compiled.ok) return { ok: false, issues: locate(compiled.issues, yaml, lineCounter) }
  return { ok: true, document: read.document, policy: compiled.policy }
}

type DmnRead =
  { ok: true; library: Map<string, readonly DmnDecision[]> } | { ok: false; issues: PolicyIssue[] }

async function readDmnFiles(value: unknown, options: LoadPolicyOptions): Promise<DmnRead> {
  const library = new Map<string, readonly DmnDecision[]>()
  const issues: PolicyIssue[] = []
  for (const { file, path } of dmnReferences(value)) {
    if (library.has(file)) continue
    let xml: string
    try {
      if (options.readFile === undefined) throw new Error('no readFile given')
      xml = await options.readFile(file)
    } catch (error: unknown) {
      const reason = error instanceof Error ? error.message : String(error)
      issues.push(
        issue(
          path,
          'POLICY_DMN_NOT_FOUND',
          `无法读取 DMN 文件“${file}”：${reason}`,
          `Cannot read DMN file '${file}': ${reason}`,
        ),
      )
      continue
    }
    const parsed = await parseDmnXml(xml, file)
    if (parsed.ok) library.set(file, parsed.decisions)
    else issues.push(...parsed.issues)
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, library }
}

/** `versions[i].decisions[j].dmn.file` of a document not yet checked. */
function dmnReferences(value: unknown): { file: string; path: string }[] {
  const versions = field(value, 'versions')
  if (!Array.isArray(versions)) return []
  return versions.flatMap((version: unknown, i) => {
    const decisions = field(version, 'decisions')
    if (!Array.isArray(decisions)) return []
    return decisions.flatMap((decision: unknown, j) => {
      const file = field(field(decision, 'dmn'), 'file')
      const path = at(at(at(at(at('/versions', i), 'decisions'), j), 'dmn'), 'file')
      return typeof file === 'string' ? [{ file, path }] : []
    })
  })
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined
}

/** Adds the YAML line and column of the node each issue points at (or its nearest ancestor). */
function locate(issues: PolicyIssue[], yaml: Document, lineCounter: LineCounter): PolicyIssue[] {
  return issues.map((found) => {
    if (found.source?.file !== undefined) return found
    const offset = nodeOffset(yaml, tokensOf(found.path))
    if (offset === null) return found
    const position = lineCounter.linePos(offset)
    return { ...found, source: { line: position.line, column: position.col } }
  })
}

function nodeOffset(yaml: Document, tokens: string[]): number | null {
  for (let depth = tokens.length; depth >= 0; depth--) {
    const keys = tokens
      .slice(0, depth)
      .map((token) => (/^\d+$/.test(token) ? Number(token) : token))
    const node: unknown = depth === 0 ? yaml.contents : yaml.getIn(keys, true)
    if (isNode(node) && node.range !== null && node.range !== undefined) return node.range[0]
  }
  return null
}
