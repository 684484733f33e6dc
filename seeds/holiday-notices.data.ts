/**
 * What holiday-cn does not carry about each year's notices: title, document number (文号), date of the
 * notice, and notes on the days a later notice changed. `papers[i]` of `data/holidays/<year>.json` is
 * the gov.cn address of `notices[i]`. Document numbers and dates were checked against reposts of the
 * notices' full text (government sites, 首都之窗, 维基文库); the 2026 notice's number was not found.
 */
export interface SeedNotice {
  title: string;
  documentNumber: string | null;
  publishedOn: string;
  note: string | null;
}

export interface SeedYearNotices {
  notices: SeedNotice[];
  /** Notes for single days, by date. */
  dayNotes?: Record<string, string>;
}

const annual = (year: number, documentNumber: string | null, publishedOn: string): SeedNotice => ({
  title: `国务院办公厅关于${year}年部分节假日安排的通知`,
  documentNumber,
  publishedOn,
  note: null,
});

const MAY_2019 = '国办发明电〔2019〕3号调整劳动节假期';
const EXTENSION_2020 = '国办发明电〔2020〕1号延长春节假期至2月2日';

export const HOLIDAY_NOTICES: Record<number, SeedYearNotices> = {
  2019: {
    notices: [
      annual(2019, '国办发明电〔2018〕15号', '2018-12-04'),
      {
        title: '国务院办公厅关于调整2019年劳动节假期安排的通知',
        documentNumber: '国办发明电〔2019〕3号',
        publishedOn: '2019-03-22',
        note: '劳动节由5月1日放假1天调整为5月1日至4日放假调休，4月28日（周日）、5月5日（周日）上班',
      },
    ],
    dayNotes: {
      '2019-04-28': MAY_2019,
      '2019-05-02': MAY_2019,
      '2019-05-03': MAY_2019,
      '2019-05-04': MAY_2019,
      '2019-05-05': MAY_2019,
    },
  },
  2020: {
    notices: [
      annual(2020, '国办发明电〔2019〕16号', '2019-11-21'),
      {
        title: '国务院办公厅关于延长2020年春节假期的通知',
        documentNumber: '国办发明电〔2020〕1号',
        publishedOn: '2020-01-26',
        note: '春节假期延长至2月2日（农历正月初九，周日），2月3日（周一）起正常上班；原定2月1日（周六）调休上班随之取消',
      },
    ],
    dayNotes: {
      '2020-01-31': EXTENSION_2020,
      '2020-02-01': `${EXTENSION_2020}（原为调休上班日）`,
      '2020-02-02': EXTENSION_2020,
    },
  },
  2021: { notices: [annual(2021, '国办发明电〔2020〕27号', '2020-11-25')] },
  2022: { notices: [annual(2022, '国办发明电〔2021〕11号', '2021-10-25')] },
  2023: { notices: [annual(2023, '国办发明电〔2022〕16号', '2022-12-08')] },
  2024: { notices: [annual(2024, '国办发明电〔2023〕7号', '2023-10-25')] },
  2025: { notices: [annual(2025, '国办发明电〔2024〕12号', '2024-11-12')] },
  2026: { notices: [annual(2026, null, '2025-11-04')] },
};
