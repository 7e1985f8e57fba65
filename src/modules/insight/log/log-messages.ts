import { message, registerMessages, type LocalizedMessage } from '../../../platform/i18n/i18n.js'

/** What can be wrong with an imported log; each problem names the trace, event or line. */
export const LOG_ISSUE_MESSAGES = {
  INSIGHT_LOG_MALFORMED_XML: {
    zh: '第 {line} 行第 {column} 列 XML 格式错误：{detail}；已读取此前的 {traces} 条轨迹',
    en: 'Malformed XML at line {line}, column {column}: {detail}; the {traces} traces before it were read',
  },
  INSIGHT_LOG_NO_ACTIVITY: {
    zh: '轨迹“{case}”的第 {event} 个事件没有活动名（concept:name），已跳过该事件',
    en: 'Event {event} of trace "{case}" has no activity name (concept:name); the event is skipped',
  },
  INSIGHT_LOG_NO_TIMESTAMP: {
    zh: '轨迹“{case}”的第 {event} 个事件没有时间戳；该事件计入发现分析，不计入时长',
    en: 'Event {event} of trace "{case}" has no timestamp; it counts in discovery but not in durations',
  },
  INSIGHT_LOG_BAD_TIMESTAMP: {
    zh: '轨迹“{case}”的第 {event} 个事件的时间戳“{value}”无法解析；该事件计入发现分析，不计入时长',
    en: 'Event {event} of trace "{case}" has a timestamp "{value}" that cannot be read; it counts in discovery but not in durations',
  },
  INSIGHT_LOG_OUT_OF_ORDER: {
    zh: '轨迹“{case}”的第 {event} 个事件早于前一个事件；该轨迹已按时间排序',
    en: 'Event {event} of trace "{case}" is earlier than the event before it; the trace was put in time order',
  },
  INSIGHT_LOG_NO_CASE_ID: {
    zh: '第 {position} 条轨迹没有案例编号（concept:name），以“{case}”代称',
    en: 'Trace {position} has no case id (concept:name); it is called "{case}"',
  },
  INSIGHT_LOG_DUPLICATE_CASE: {
    zh: '案例编号“{case}”出现在多条轨迹中；各条轨迹分别计为一个案例',
    en: 'The case id "{case}" names more than one trace; each trace counts as a case of its own',
  },
  INSIGHT_LOG_ROW_NO_CASE: {
    zh: '第 {line} 行没有案例编号，已跳过',
    en: 'Line {line} has no case id; it is skipped',
  },
  INSIGHT_LOG_ROW_NO_ACTIVITY: {
    zh: '第 {line} 行（案例“{case}”）没有活动名，已跳过',
    en: 'Line {line} (case "{case}") has no activity; it is skipped',
  },
  INSIGHT_LOG_ROW_UNREADABLE: {
    zh: '第 {line} 行无法读取：{detail}；已跳过',
    en: 'Line {line} cannot be read: {detail}; it is skipped',
  },
} as const satisfies Record<string, LocalizedMessage>

/** Why a whole file cannot be read as a log; nothing is analysed. */
export const LOG_FILE_MESSAGES = {
  INSIGHT_LOG_UNREADABLE: {
    zh: '文件不存在或无法读取',
    en: 'The file does not exist or cannot be read',
  },
  INSIGHT_LOG_NOT_XES: {
    zh: '不是 XES 事件日志（根元素应为 <log>）：{detail}',
    en: 'Not an XES event log (the root element must be <log>): {detail}',
  },
  INSIGHT_LOG_NOT_CSV: {
    zh: '不是 CSV 事件日志：{detail}',
    en: 'Not a CSV event log: {detail}',
  },
  INSIGHT_LOG_COLUMN_MISSING: {
    zh: '映射中的列“{column}”（{role}）不在表头中（表头：{header}）',
    en: 'The mapped column "{column}" ({role}) is not in the header (header: {header})',
  },
} as const satisfies Record<string, LocalizedMessage>

registerMessages(LOG_ISSUE_MESSAGES)
registerMessages(LOG_FILE_MESSAGES)

export type LogIssueCode = keyof typeof LOG_ISSUE_MESSAGES
export type LogFileErrorCode = keyof typeof LOG_FILE_MESSAGES

/** One problem in a log that was still read: what it is, where, and the message in both languages. */
export interface LogIssue {
  readonly code: LogIssueCode
  /** The case (trace) concerned, by its id. */
  readonly case?: string
  /** The event concerned: its position in the trace as read, from 1. */
  readonly event?: number
  /** The line of the file, where known (CSV rows, XML errors). */
  readonly line?: number
  readonly value?: string
  readonly message: LocalizedMessage
}

/** Where an issue is (case, event, line, value) and the other placeholders of its message. */
export interface IssueParams {
  readonly case?: string
  readonly event?: number
  readonly line?: number
  readonly value?: string
  readonly [placeholder: string]: string | number | undefined
}

/** A file that cannot be read as a log at all. */
export class LogFileError extends Error {
  readonly code: LogFileErrorCode
  readonly localized: LocalizedMessage

  constructor(code: LogFileErrorCode, params: Record<string, string | number> = {}) {
    const localized = message(code, params)
    super(localized.en)
    this.name = 'LogFileError'
    this.code = code
    this.localized = localized
  }
}

/** At most `limit` issues are kept whole; every issue is counted by code. */
export class IssueCollector {
  readonly #kept: LogIssue[] = []
  readonly #counts = new Map<LogIssueCode, number>()

  constructor(readonly limit = 1000) {}

  add(code: LogIssueCode, params: IssueParams): void {
    this.#counts.set(code, (this.#counts.get(code) ?? 0) + 1)
    if (this.#kept.length >= this.limit) return
    const fields: Record<string, string | number> = {}
    for (const [key, value] of Object.entries(params)) if (value !== undefined) fields[key] = value
    this.#kept.push({ ...fields, code, message: message(code, fields) })
  }

  get total(): number {
    let sum = 0
    for (const count of this.#counts.values()) sum += count
    return sum
  }

  report(): IssueReport {
    return { issues: [...this.#kept], counts: Object.fromEntries(this.#counts), total: this.total }
  }
}

/** The issues of one import: the first ones whole, and how many of each code there were. */
export interface IssueReport {
  readonly issues: readonly LogIssue[]
  readonly counts: Partial<Record<LogIssueCode, number>>
  readonly total: number
}
