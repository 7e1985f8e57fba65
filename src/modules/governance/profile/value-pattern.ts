const HAN = /\p{Script=Han}/u

/**
 * The shape of a value: ASCII digit → 9, Latin letter → A / a, Han character → 汉, anything
 * else (punctuation, spaces, full-width digits) kept as is, so 11010519491231002X becomes
 * 99999999999999999A. Longer values are cut at `maxLength` characters and end in '…'.
 */
export function valuePattern(value: string, maxLength = 40): string {
  let pattern = ''
  let length = 0
  for (const char of value) {
    if (length === maxLength) return `${pattern}…`
    pattern += characterClass(char)
    length++
  }
  return pattern
}

function characterClass(char: string): string {
  if (char >= '0' && char <= '9') return '9'
  if (char >= 'A' && char <= 'Z') return 'A'
  if (char >= 'a' && char <= 'z') return 'a'
  return HAN.test(char) ? '汉' : char
}
