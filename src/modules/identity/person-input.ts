import { fieldError, validationFailed, type FieldError } from '../../platform/errors.js'
import { message } from '../../platform/i18n/i18n.js'
import { passwordProblems } from '../../platform/auth/password.js'
import { idNumberError } from './standard-fields.js'
import { validateIdNumber, validateMobile, type IdNumber } from '../../platform/standards/index.js'

export interface PersonRegistration {
  name: string
  idNumber: string
  phone: string
  password: string
}

export interface CheckedPerson {
  name: string
  id: IdNumber
  phone: string
}

/** Checks every field of a registration at once, so the citizen sees all problems together. */
export function checkPersonRegistration(input: PersonRegistration, today: Date): CheckedPerson {
  const errors: FieldError[] = []
  const id = validateIdNumber(input.idNumber, { today })
  if (!id.ok) errors.push(idNumberError('/idNumber', id.reason))
  const phone = validateMobile(input.phone)
  if (!phone.ok)
    errors.push(fieldError('/phone', phone.reason, message('identity.field.phone_invalid')))
  if (passwordProblems(input.password).length > 0) {
    errors.push(fieldError('/password', 'password_weak', message('identity.field.password_weak')))
  }
  const name = input.name.normalize('NFKC').trim()
  if (!/^[\p{Script=Han}·A-Za-z .'-]{2,50}$/u.test(name)) {
    errors.push(
      fieldError('/name', 'bad_name', {
        zh: '姓名应为 2–50 个汉字或字母',
        en: 'The name must be 2–50 Chinese characters or letters',
      }),
    )
  }
  if (errors.length > 0 || !id.ok || !phone.ok) throw validationFailed(errors)
  return { name, id: id.value, phone: phone.value.number }
}
