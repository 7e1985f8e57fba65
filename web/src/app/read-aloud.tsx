import { Button } from 'antd'
import { SoundOutlined } from '@ant-design/icons'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { currentLocale } from '../i18n/i18n'

const supported = () => 'speechSynthesis' in window && 'SpeechSynthesisUtterance' in window

/** 朗读本页: reads the main content aloud with the Web Speech API, only where the browser has it. */
export function ReadAloudButton() {
  const { t } = useTranslation()
  const [speaking, setSpeaking] = useState(false)
  useEffect(() => () => (supported() ? window.speechSynthesis.cancel() : undefined), [])
  if (!supported()) return null

  const toggle = () => {
    const synth = window.speechSynthesis
    if (speaking) {
      synth.cancel()
      setSpeaking(false)
      return
    }
    const text = document.querySelector('main')?.innerText.trim() ?? ''
    if (!text) return
    const utterance = new SpeechSynthesisUtterance(text)
    utterance.lang = currentLocale()
    utterance.rate = 0.9
    utterance.onend = () => setSpeaking(false)
    utterance.onerror = () => setSpeaking(false)
    synth.cancel()
    synth.speak(utterance)
    setSpeaking(true)
  }
  return (
    <Button icon={<SoundOutlined />} onClick={toggle} aria-pressed={speaking}>
      {speaking ? t('switch.stopReading') : t('switch.readAloud')}
    </Button>
  )
}
