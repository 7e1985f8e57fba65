/** A name an expression reads, and where (0-based UTF-16 offset into the source). */
export type NameReference = { readonly name: string; readonly offset: number }

const KEYWORDS: ReadonlySet<string> = new Set(
  'and or not if then else for in return some every satisfies between instance of true false null function external item'.split(
    ' ',
  ),
)

/** FEEL built-in functions (DMN 1.3 and feelin's extras); multi-word names are one name. */
const BUILTINS: readonly string[] = (
  'number,string,date,date and time,time,duration,years and months duration,now,today,not,' +
  'substring,string length,upper case,lower case,substring before,substring after,replace,' +
  'contains,matches,starts with,ends with,split,string join,list contains,list replace,count,' +
  'min,max,sum,mean,all,any,sublist,append,concatenate,insert before,remove,reverse,index of,' +
  'union,distinct values,flatten,product,median,stddev,mode,decimal,floor,ceiling,abs,round up,' +
  'round down,round half up,round half down,modulo,sqrt,log,exp,odd,even,is,before,after,meets,' +
  'met by,overlaps,overlaps before,overlaps after,finishes,finished by,includes,during,starts,' +
  'started by,coincides,day of year,day of week,month of year,week of year,sort,get value,' +
  'get entries,context,context merge,context put'
).split(',')

/** Longest names first, so `date and time(` is one call and not `date` followed by `and`. */
const CALLS: readonly RegExp[] = [...BUILTINS]
  .sort((a, b) => b.split(' ').length - a.split(' ').length)
  .map((name) => new RegExp(`${name.split(' ').join('\\s+')}(?=\\s*\\()`, 'uy'))

/** Names a fact may not take: FEEL keywords and built-in functions. */
export function isReservedName(name: string): boolean {
  return KEYWORDS.has(name) || BUILTINS.includes(name)
}

const NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u

/** A fact or decision name: one FEEL word, not a keyword or built-in. */
export function isPlainName(name: string): boolean {
  return NAME.test(name) && !isReservedName(name)
}

const WORD = /[\p{L}_$][\p{L}\p{N}_$]*/uy
const NUMBER = /\d+(?:\.\d+)?|\.\d+/y
const SPACE = /\s/

/**
 * The variables a FEEL expression or unary test reads: every word that is not a keyword, a
 * built-in call, a path member (`a.b`), a context key (`{ b: … }`) or a variable bound by
 * `for` / `some` / `every` (or `item` in a filter). Strings and comments are skipped. Facts are
 * single words, so this lexical reading is exact for them; a multi-word name comes back as its
 * words, which then fail the declared-name check loudly rather than silently.
 */
export function referencedNames(source: string): NameReference[] {
  const scan = { source, i: 0, previous: '', binding: false }
  const bound = new Set<string>()
  const references: NameReference[] = []
  while (scan.i < source.length) {
    const reference = step(scan, bound)
    if (reference !== null) references.push(reference)
  }
  return references
}

type Scan = { readonly source: string; i: number; previous: string; binding: boolean }

function step(scan: Scan, bound: Set<string>): NameReference | null {
  const { source, i } = scan
  const ch = source.charAt(i)
  if (SPACE.test(ch)) {
    scan.i++
    return null
  }
  if (source.startsWith('//', i)) return skipTo(scan, lineEnd(source, i), '')
  if (source.startsWith('/*', i)) return skipTo(scan, blockEnd(source, i), '')
  if (ch === '"') return skipTo(scan, stringEnd(source, i), '"')
  if (ch === '@' && source.charAt(i + 1) === '"') return skipTo(scan, stringEnd(source, i + 1), '"')
  if (source.startsWith('..', i)) return skipTo(scan, i + 2, '..')
  const number = stickyMatch(NUMBER, source, i)
  if (number !== null) return skipTo(scan, i + number.length, '0')
  const call = CALLS.map((pattern) => stickyMatch(pattern, source, i)).find((m) => m !== null)
  if (call !== undefined && call !== null) return skipTo(scan, i + call.length, '(')
  const word = stickyMatch(WORD, source, i)
  if (word === null) return skipTo(scan, i + 1, ch)
  return readWord(scan, word, bound)
}

function readWord(scan: Scan, word: string, bound: Set<string>): NameReference | null {
  const offset = scan.i
  const end = offset + word.length
  const previous = scan.previous
  scan.i = end
  scan.previous = word
  if (KEYWORDS.has(word)) {
    if (word === 'for' || word === 'some' || word === 'every') scan.binding = true
    if (word === 'return' || word === 'satisfies') scan.binding = false
    return null
  }
  if (previous === '.' || nextChar(scan.source, end) === ':') return null
  if (scan.binding && nextWord(scan.source, end) === 'in') {
    bound.add(word)
    return null
  }
  return bound.has(word) ? null : { name: word, offset }
}

function skipTo(scan: Scan, end: number, token: string): null {
  scan.i = end
  scan.previous = token
  return null
}

function stickyMatch(pattern: RegExp, source: string, at: number): string | null {
  pattern.lastIndex = at
  const match = pattern.exec(source)
  return match === null ? null : match[0]
}

function stringEnd(source: string, start: number): number {
  for (let i = start + 1; i < source.length; i++) {
    if (source.charAt(i) === '\\') i++
    else if (source.charAt(i) === '"') return i + 1
  }
  return source.length
}

function lineEnd(source: string, start: number): number {
  const end = source.indexOf('\n', start)
  return end === -1 ? source.length : end
}

function blockEnd(source: string, start: number): number {
  const end = source.indexOf('*/', start + 2)
  return end === -1 ? source.length : end + 2
}

function nextChar(source: string, from: number): string {
  return /\S/.exec(source.slice(from))?.[0] ?? ''
}

function nextWord(source: string, from: number): string {
  return /^\s*([\p{L}_$][\p{L}\p{N}_$]*)/u.exec(source.slice(from))?.[1] ?? ''
}
