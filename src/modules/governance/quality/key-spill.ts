import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import type { Cipher, Decipher } from 'node:crypto'
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { createHashLineTable } from './hash-line-table.js'

/**
 * Uniqueness keys past the in-memory budget, on disk: each key (hash64, line, text) goes to one
 * of 64 partition files by 6 bits of its hash, encrypted with SM4-CTR under a key made for this
 * spill and held only in memory (the texts are personal data; they are read back only for the
 * sampled failing rows). After the pass, `resolve` reads the partitions one at a time: keys with
 * the same hash are always in the same partition, in line order, so the first line of each
 * duplicate is found with a table of one partition. A partition with more keys than
 * `partitionKeys` is split again by the next 6 bits first, so memory stays bounded whatever the
 * number of keys. The files are deleted by `resolve` and by `close`.
 */
export interface KeySpill {
  /** Writes a key seen on `line` (lines come in increasing order). */
  add(hi: number, lo: number, line: number, text: string): void
  /** Keys written so far. */
  readonly keys: number
  /**
   * Calls `duplicate` for each written key whose hash was written before (on `first`), in no
   * particular order, then deletes the files.
   */
  resolve(duplicate: (line: number, first: number, text: string) => void): void
  /** Deletes the files (also after a failed run); safe to call twice. */
  close(): void
}

export interface KeySpillOptions {
  /** An existing directory of this run's own; the spill makes its own folder in it. */
  dir: string
  /** The most keys one partition may hold when it is resolved (its table's memory). */
  partitionKeys: number
}

const FANOUT_BITS = 6
const FANOUT = 1 << FANOUT_BITS
const BUFFER_BYTES = 16 * 1024
const READ_BYTES = 256 * 1024
/** hi, lo, line, text length: four Uint32, then the text in UTF-8. */
const RECORD_HEAD = 16
/** hi gives 5 levels of 6 bits, lo 5 more; past that every key of a partition has one hash. */
const MAX_LEVEL = 10

function partOf(hi: number, lo: number, level: number): number {
  if (level < 5) return (hi >>> (32 - FANOUT_BITS * (level + 1))) & (FANOUT - 1)
  return (lo >>> (32 - FANOUT_BITS * (level - 4))) & (FANOUT - 1)
}

interface Partition {
  path: string
  fd: number
  cipher: Cipher
  iv: Buffer
  buffer: Buffer
  used: number
  keys: number
}

interface Level {
  parts: Partition[]
  flushAll(): void
  closeAll(): void
  write(part: number, record: Buffer): void
  /** Writes a key straight into its partition's buffer (no buffer of its own). */
  writeKey(part: number, hi: number, lo: number, line: number, text: string): void
}

const encodeRecord = (hi: number, lo: number, line: number, text: string): Buffer => {
  const textBytes = Buffer.byteLength(text)
  const record = Buffer.allocUnsafe(RECORD_HEAD + textBytes)
  record.writeUInt32LE(hi >>> 0, 0)
  record.writeUInt32LE(lo >>> 0, 4)
  record.writeUInt32LE(line, 8)
  record.writeUInt32LE(textBytes, 12)
  record.write(text, RECORD_HEAD)
  return record
}

function openLevel(dir: string, prefix: string, key: Buffer): Level {
  const parts: Partition[] = []
  for (let i = 0; i < FANOUT; i++) {
    const path = join(dir, `${prefix}${i.toString(16).padStart(2, '0')}.keys`)
    const iv = randomBytes(16)
    parts.push({
      path,
      fd: openSync(path, 'w', 0o600),
      cipher: createCipheriv('sm4-ctr', key, iv),
      iv,
      buffer: Buffer.alloc(BUFFER_BYTES),
      used: 0,
      keys: 0,
    })
  }
  const flush = (part: Partition) => {
    if (part.used === 0) return
    writeSync(part.fd, part.cipher.update(part.buffer.subarray(0, part.used)))
    part.used = 0
  }
  return {
    parts,
    flushAll: () => parts.forEach(flush),
    closeAll() {
      for (const part of parts) {
        if (part.fd === -1) continue
        closeSync(part.fd)
        part.fd = -1
      }
    },
    write,
    writeKey(index, hi, lo, line, text) {
      const part = parts[index] as Partition
      const length = RECORD_HEAD + Buffer.byteLength(text)
      if (length > BUFFER_BYTES / 4) {
        write(index, encodeRecord(hi, lo, line, text))
        return
      }
      part.keys++
      if (part.used + length > BUFFER_BYTES) flush(part)
      const { buffer, used } = part
      buffer.writeUInt32LE(hi >>> 0, used)
      buffer.writeUInt32LE(lo >>> 0, used + 4)
      buffer.writeUInt32LE(line, used + 8)
      buffer.writeUInt32LE(length - RECORD_HEAD, used + 12)
      buffer.write(text, used + RECORD_HEAD)
      part.used += length
    },
  }
  function write(index: number, record: Buffer): void {
    const part = parts[index] as Partition
    part.keys++
    if (part.used + record.length > BUFFER_BYTES) flush(part)
    if (record.length > BUFFER_BYTES) {
      writeSync(part.fd, part.cipher.update(record))
      return
    }
    record.copy(part.buffer, part.used)
    part.used += record.length
  }
}

/** Each record of a partition file, decrypted in pieces of READ_BYTES, in the order written. */
function readRecords(
  part: Partition,
  key: Buffer,
  piece: Buffer,
  each: (hi: number, lo: number, line: number, record: Buffer) => void,
): void {
  const decipher: Decipher = createDecipheriv('sm4-ctr', key, part.iv)
  const fd = openSync(part.path, 'r')
  try {
    let carry: Buffer = Buffer.alloc(0)
    for (;;) {
      const bytesRead = readSync(fd, piece, 0, READ_BYTES, null)
      if (bytesRead === 0) break
      const plain = decipher.update(piece.subarray(0, bytesRead))
      const data = carry.length === 0 ? plain : Buffer.concat([carry, plain])
      let at = 0
      while (at + RECORD_HEAD <= data.length) {
        const length = RECORD_HEAD + data.readUInt32LE(at + 12)
        if (at + length > data.length) break
        each(
          data.readUInt32LE(at),
          data.readUInt32LE(at + 4),
          data.readUInt32LE(at + 8),
          data.subarray(at, at + length),
        )
        at += length
      }
      carry = Buffer.from(data.subarray(at))
    }
  } finally {
    closeSync(fd)
  }
}

export function createKeySpill({ dir: parent, partitionKeys }: KeySpillOptions): KeySpill {
  // Lives only in this process's memory: the files cannot be read once it is gone.
  const key = randomBytes(16)
  const dir = mkdtempSync(join(parent, 'spill-'))
  // One read buffer for every partition: few large short-lived buffers while resolving.
  let piece: Buffer | null = null
  const levels: Level[] = []
  let top: Level | null = null
  let keys = 0
  let closed = false

  const removeLevel = (level: Level) => {
    level.closeAll()
    for (const part of level.parts) rmSync(part.path, { force: true })
  }

  const resolvePart = (
    part: Partition,
    depth: number,
    duplicate: (line: number, first: number, text: string) => void,
  ) => {
    if (part.keys === 0) return
    if (part.keys > partitionKeys && depth < MAX_LEVEL) {
      const below = openLevel(dir, `${part.path.slice(dir.length + 1, -5)}-`, key)
      levels.push(below)
      readRecords(part, key, (piece ??= Buffer.alloc(READ_BYTES)), (hi, lo, _line, record) =>
        below.write(partOf(hi, lo, depth + 1), record),
      )
      below.flushAll()
      below.closeAll()
      rmSync(part.path, { force: true })
      for (const sub of below.parts) resolvePart(sub, depth + 1, duplicate)
      removeLevel(below)
      return
    }
    const table = createHashLineTable(Number.MAX_SAFE_INTEGER, 256)
    readRecords(part, key, (piece ??= Buffer.alloc(READ_BYTES)), (hi, lo, line, record) => {
      const first = table.firstLine(hi, lo, line)
      if (first !== undefined) duplicate(line, first, record.toString('utf8', RECORD_HEAD))
    })
    rmSync(part.path, { force: true })
  }

  const close = () => {
    closed = true
    for (const level of levels) level.closeAll()
    levels.length = 0
    top = null
    rmSync(dir, { recursive: true, force: true })
  }

  return {
    get keys() {
      return keys
    },
    add(hi, lo, line, text) {
      if (closed) throw new Error('key spill already resolved or closed')
      top ??= openLevel(dir, 'k', key)
      if (levels.length === 0) levels.push(top)
      top.writeKey(partOf(hi, lo, 0), hi, lo, line, text)
      keys++
    },
    resolve(duplicate) {
      if (closed) throw new Error('key spill already resolved or closed')
      try {
        if (top !== null) {
          top.flushAll()
          top.closeAll()
          for (const part of top.parts) resolvePart(part, 0, duplicate)
        }
      } finally {
        close()
      }
    },
    close,
  }
}
