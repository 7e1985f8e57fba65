import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { FieldCipher } from '../crypto/index.js'
import { validationFailed, fieldError } from '../errors.js'
import type { Notifier } from './notifier.js'

/** Demo only (TONGBAN_DEMO): read the SMS outbox, since no real SMS gateway is attached. */
export const demoSmsRoutes: FastifyPluginAsyncTypebox<{
  notifier: Notifier
  cipher: FieldCipher
}> = async (app, o) => {
  app.get(
    '/sms',
    {
      config: { access: 'public' },
      schema: {
        tags: ['demo 演示'],
        summary: '演示短信收件箱 Demo SMS outbox',
        querystring: Type.Object({ phone: Type.String({ minLength: 11, maxLength: 14 }) }),
        response: {
          200: Type.Array(
            Type.Object({ body: Type.String(), at: Type.String(), template: Type.String() }),
          ),
        },
      },
    },
    async (req) => {
      const phone = req.query.phone.replace(/^\+?86/, '')
      if (!/^1[3-9]\d{9}$/.test(phone))
        throw validationFailed([
          fieldError('/querystring/phone', 'bad_phone', {
            zh: '手机号码无效',
            en: 'Invalid mobile number',
          }),
        ])
      return o.notifier.listSms(o.cipher.blindIndex(phone), 10)
    },
  )
}
