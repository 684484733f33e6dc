import type { AgencyType } from '../src/agencies/agency-type.js';

export interface DemoAgency {
  code: string;
  name: string;
  shortName: string;
  type: AgencyType;
  parentCode?: string;
  isSupervisor?: boolean;
  officeAddress: string;
  officePostcode: string;
  officePhone: string;
  officeHours: string;
  website: string;
  docNumberPrefix: string;
  /** Only where the rule cannot derive it (remedy-body.rules.ts): the seed derives the others. */
  reconsiderationBodyName?: string;
  reconsiderationBodyAddress?: string;
}

// A fictional but realistic county for demonstrations: the names are those of 郯城县 (临沂市, 山东省);
// addresses and telephone numbers are invented and must be replaced before real use.
const COUNTY_GOV = '郯城县人民政府';
const COUNTY_GOV_ADDRESS = '山东省临沂市郯城县人民路 100 号';
const HOURS = '工作日 上午 8:30—12:00，下午 13:30—17:30';
const WEBSITE = 'http://www.tancheng.gov.cn';

export const DEMO_AGENCIES: DemoAgency[] = [
  {
    code: 'tc-gov',
    name: COUNTY_GOV,
    shortName: '县政府',
    type: 'county_government',
    officeAddress: COUNTY_GOV_ADDRESS,
    officePostcode: '276100',
    officePhone: '0539-6200001',
    officeHours: HOURS,
    website: WEBSITE,
    docNumberPrefix: '郯政信复',
    // 复议法 Art. 24: the county government's own acts are reviewed by the next-level government.
    reconsiderationBodyName: '临沂市人民政府',
    reconsiderationBodyAddress: '山东省临沂市北城新区（演示地址）',
  },
  {
    code: 'tc-gov-office',
    name: '郯城县人民政府办公室',
    shortName: '县政府办',
    type: 'county_department',
    parentCode: 'tc-gov',
    isSupervisor: true,
    officeAddress: COUNTY_GOV_ADDRESS,
    officePostcode: '276100',
    officePhone: '0539-6200002',
    officeHours: HOURS,
    website: WEBSITE,
    docNumberPrefix: '郯政办信复',
  },
  {
    code: 'tc-zrzyj',
    name: '郯城县自然资源局',
    shortName: '县自然资源局',
    type: 'county_department',
    parentCode: 'tc-gov',
    officeAddress: '山东省临沂市郯城县建设路 20 号',
    officePostcode: '276100',
    officePhone: '0539-6200101',
    officeHours: HOURS,
    website: WEBSITE,
    docNumberPrefix: '郯自然资信复',
  },
  {
    code: 'tc-jtj',
    name: '郯城县教育和体育局',
    shortName: '县教体局',
    type: 'county_department',
    parentCode: 'tc-gov',
    officeAddress: '山东省临沂市郯城县文化路 36 号',
    officePostcode: '276100',
    officePhone: '0539-6200102',
    officeHours: HOURS,
    website: WEBSITE,
    docNumberPrefix: '郯教体信复',
  },
  {
    code: 'tc-zjj',
    name: '郯城县住房和城乡建设局',
    shortName: '县住建局',
    type: 'county_department',
    parentCode: 'tc-gov',
    officeAddress: '山东省临沂市郯城县府前街 8 号',
    officePostcode: '276100',
    officePhone: '0539-6200103',
    officeHours: HOURS,
    website: WEBSITE,
    docNumberPrefix: '郯住建信复',
  },
  {
    code: 'tc-matou',
    name: '郯城县马头镇人民政府',
    shortName: '马头镇',
    type: 'town',
    parentCode: 'tc-gov',
    officeAddress: '山东省临沂市郯城县马头镇政府路 1 号',
    officePostcode: '276123',
    officePhone: '0539-6200201',
    officeHours: HOURS,
    website: WEBSITE,
    docNumberPrefix: '马政信复',
    // 复议法 Art. 24(二): a town's acts are reviewed by the county government (derived by the seed).
  },
  {
    code: 'tc-tax',
    name: '国家税务总局郯城县税务局',
    shortName: '县税务局',
    type: 'vertical',
    officeAddress: '山东省临沂市郯城县东环路 18 号',
    officePostcode: '276100',
    officePhone: '0539-6200301',
    officeHours: HOURS,
    website: 'https://shandong.chinatax.gov.cn',
    docNumberPrefix: '郯税信复',
    // 复议法 Art. 27: 税务 acts go to the next-level department, not the county government.
    reconsiderationBodyName: '国家税务总局临沂市税务局',
    reconsiderationBodyAddress: '山东省临沂市（演示地址）',
  },
];
