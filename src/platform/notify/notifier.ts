import type { Kysely, Transaction } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { Clock } from '../clock.js'
import { moduleDb, type RootDb } from '../db/database.js'
import { message, type MessageParams } from '../i18n/i18n.js'

export interface NotificationTable {
  id: string
  channel: string
  recipient_index: string
  recipient_masked: string
  template: string
  body: string
  created_at: string
  updated_at: string
}

interface NotifyTables {
  platform_notifications: NotificationTable
}

export interface SmsMessage {
  /** Keyed hash of the phone number (the number itself is never stored here). */
  recipientIndex: string
  recipientMasked: string
  template: string
  params: MessageParams
}

/**
 * Sends messages to people. The default keeps each SMS in an outbox table, written in the
 * caller's transaction; a deployment plugs in its SMS gateway by replacing this.
 */
export interface Notifier {
  sendSms(trx: Transaction<unknown> | RootDb, sms: SmsMessage): Promise<void>
  /** The newest messages to one recipient, for the demo and for tests. */
  listSms(
    recipientIndex: string,
    limit: number,
  ): Promise<Array<{ body: string; at: string; template: string }>>
}

export function createOutboxNotifier(deps: { db: RootDb; clock: Clock }): Notifier {
  const root = moduleDb<NotifyTables>(deps.db)
  return {
    async sendSms(trx, sms) {
      const now = deps.clock.now().toISOString()
      const text = message(sms.template, sms.params)
      await (trx as unknown as Kysely<NotifyTables>)
        .insertInto('platform_notifications')
        .values({
          id: uuidv7(),
          channel: 'sms',
          recipient_index: sms.recipientIndex,
          recipient_masked: sms.recipientMasked,
          template: sms.template,
          body: text.zh,
          created_at: now,
          updated_at: now,
        })
        .execute()
    },
    async listSms(recipientIndex, limit) {
      const rows = await root
        .selectFrom('platform_notifications')
        .select(['body', 'created_at', 'template'])
        .where('recipient_index', '=', recipientIndex)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute()
      return rows.map((r) => ({ body: r.body, at: r.created_at, template: r.template }))
    },
  }
}
