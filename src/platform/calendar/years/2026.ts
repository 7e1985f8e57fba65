import type { CalendarYear } from '../calendar-year.js'

/** 国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）. */
export const CALENDAR_2026: CalendarYear = {
  year: 2026,
  source: '国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）',
  holidays: [
    {
      name: '元旦',
      nameEn: "New Year's Day",
      days: ['2026-01-01', '2026-01-02', '2026-01-03'],
      makeUpWorkdays: ['2026-01-04'],
    },
    {
      name: '春节',
      nameEn: 'Spring Festival',
      days: [
        '2026-02-15',
        '2026-02-16',
        '2026-02-17',
        '2026-02-18',
        '2026-02-19',
        '2026-02-20',
        '2026-02-21',
        '2026-02-22',
        '2026-02-23',
      ],
      makeUpWorkdays: ['2026-02-14', '2026-02-28'],
    },
    {
      name: '清明节',
      nameEn: 'Qingming Festival',
      days: ['2026-04-04', '2026-04-05', '2026-04-06'],
      makeUpWorkdays: [],
    },
    {
      name: '劳动节',
      nameEn: 'Labour Day',
      days: ['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05'],
      makeUpWorkdays: ['2026-05-09'],
    },
    {
      name: '端午节',
      nameEn: 'Dragon Boat Festival',
      days: ['2026-06-19', '2026-06-20', '2026-06-21'],
      makeUpWorkdays: [],
    },
    {
      name: '中秋节',
      nameEn: 'Mid-Autumn Festival',
      days: ['2026-09-25', '2026-09-26', '2026-09-27'],
      makeUpWorkdays: [],
    },
    {
      name: '国庆节',
      nameEn: 'National Day',
      days: [
        '2026-10-01',
        '2026-10-02',
        '2026-10-03',
        '2026-10-04',
        '2026-10-05',
        '2026-10-06',
        '2026-10-07',
      ],
      makeUpWorkdays: ['2026-09-20', '2026-10-10'],
    },
  ],
}
