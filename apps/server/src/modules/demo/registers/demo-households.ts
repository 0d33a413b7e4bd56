import type { HouseholdRelation, HouseOccupancy, PopulationType, ResidentFlag } from '@shanzhi/shared';
import { drawMobileNumber, drawPersonName } from '../demo-city.names.js';
import type { DemoRandom } from '../demo-random.js';

/** A grid as the demo register fills it. */
export interface RegisterGrid {
  id: number;
  path: string;
  communityName: string;
  districtCode: string;
  districtName: string;
  /** the grid's area in km² (its bounding box): small grids are the town's crowded ones */
  areaKm2: number;
  /** a point inside the grid for each house, drawn by the caller (inside the boundary) */
  pointIn: () => { lng: number; lat: number };
  /** households to register here instead of the size the area gives (the demo grid worker's grid) */
  households?: number;
}

/** A synthetic resident, his numbers in clear until the writer seals them. */
export interface DemoResident {
  name: string;
  idNumber: string;
  phone: string | null;
  ethnicity: string;
  householdRelation: HouseholdRelation;
  populationType: PopulationType;
  residenceStatus: 'together' | 'person_here' | 'household_here';
  registeredAddress: string;
  employer: string | null;
  flags: ResidentFlag[];
}

/** A synthetic house and the people in it (none when it stands empty). */
export interface DemoHouse {
  address: string;
  building: string | null;
  unit: string | null;
  room: string | null;
  occupancy: HouseOccupancy;
  area: number;
  point: { lng: number; lat: number };
  residents: DemoResident[];
}

/** Where the floating population of Wuhai comes from (GB/T 2260 county codes): the region and its neighbours. */
const ORIGINS: readonly { code: string; place: string }[] = [
  { code: '152701', place: '内蒙古自治区鄂尔多斯市东胜区' },
  { code: '150202', place: '内蒙古自治区包头市东河区' },
  { code: '152921', place: '内蒙古自治区阿拉善左旗' },
  { code: '640202', place: '宁夏回族自治区石嘴山市大武口区' },
  { code: '640104', place: '宁夏回族自治区银川市兴庆区' },
  { code: '620602', place: '甘肃省武威市凉州区' },
  { code: '411302', place: '河南省南阳市宛城区' },
  { code: '130102', place: '河北省石家庄市长安区' },
];

const ETHNICITIES: readonly [string, number][] = [
  ['汉族', 0.9],
  ['蒙古族', 0.06],
  ['回族', 0.03],
  ['满族', 0.01],
];

const EMPLOYERS = [
  '乌海市第一中学',
  '乌海能源有限责任公司',
  '海勃湾区人民医院',
  '个体经营',
  '乌海市公交公司',
  '神华乌海能源公司',
  '社区卫生服务中心',
  '乌达区人民政府',
  '务农',
  null,
  null,
];

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

function weighted<T>(random: DemoRandom, items: readonly [T, number][]): T {
  let left = random.next();
  for (const [item, weight] of items) {
    left -= weight;
    if (left < 0) return item;
  }
  return items.at(-1)![0];
}

/** The ID number of a person born on a random day of `year` in `area`, unique in `used` (odd sequence: a man). */
export function drawIdNumber(
  random: DemoRandom,
  used: Set<string>,
  area: string,
  year: number,
  male: boolean,
): string {
  for (;;) {
    const day = new Date(Date.UTC(year, 0, 1) + random.int(0, 364) * 86_400_000);
    const birth = day.toISOString().slice(0, 10).replaceAll('-', '');
    const sequence = random.int(0, 499) * 2 + (male ? 1 : 0);
    const first17 = `${area}${birth}${String(sequence).padStart(3, '0')}`;
    const sum = ID_WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(first17[i]), 0);
    const id = `${first17}${'10X98765432'[sum % 11]}`;
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}

/** The age of a household's head: most between 30 and 70. */
function headAge(random: DemoRandom): number {
  return weighted(random, [
    [random.int(25, 34), 0.15],
    [random.int(35, 49), 0.3],
    [random.int(50, 64), 0.3],
    [random.int(65, 74), 0.15],
    [random.int(75, 90), 0.1],
  ]);
}

/** What a draw of the groups gives a person of `age` (rates of the order the city reports). */
function flagsOf(random: DemoRandom, age: number, male: boolean, rural: boolean): ResidentFlag[] {
  const flags: ResidentFlag[] = [];
  if (random.next() < 0.025) flags.push('disabled');
  if (male && age >= 40 && random.next() < 0.04) flags.push('veteran');
  if (rural && age < 16 && random.next() < 0.08) flags.push('left_behind_child');
  if (age >= 18 && age < 60) {
    const roll = random.next();
    if (roll < 0.0015) flags.push('community_correction');
    else if (roll < 0.0035) flags.push('released_prisoner');
    else if (roll < 0.0065) flags.push('severe_mental_disorder');
    else if (roll < 0.0075) flags.push('drug_rehabilitation');
  }
  if (age >= 14 && age <= 25 && random.next() < 0.003) flags.push('key_youth');
  return flags;
}

/** Everything a household's people share: where they are registered, their origin, their kind. */
interface HouseholdFacts {
  endYear: number;
  rural: boolean;
  floating: boolean;
  origin: { code: string; place: string };
  registeredAddress: string;
  surname: string;
}

function person(
  random: DemoRandom,
  used: { ids: Set<string>; phones: Set<string> },
  facts: HouseholdFacts,
  role: { relation: HouseholdRelation; age: number; male: boolean; sameSurname: boolean },
): DemoResident {
  const drawn = drawPersonName(random);
  // a Mongolian name is written whole; a Han child takes the head's surname
  const name = role.sameSurname && drawn.length <= 3 ? `${facts.surname}${drawn.slice(1)}` : drawn;
  const adult = role.age >= 18;
  return {
    name,
    idNumber: drawIdNumber(random, used.ids, facts.origin.code, facts.endYear - role.age, role.male),
    phone:
      adult && (role.relation === 'head' || random.next() < 0.6)
        ? drawMobileNumber(random, used.phones)
        : null,
    ethnicity: weighted(random, ETHNICITIES),
    householdRelation: role.relation,
    populationType: facts.floating ? 'floating' : 'registered',
    residenceStatus: facts.floating ? 'person_here' : random.next() < 0.93 ? 'together' : 'household_here',
    registeredAddress: facts.registeredAddress,
    employer: adult && role.age < 60 ? random.pick(EMPLOYERS) : null,
    flags: flagsOf(random, role.age, role.male, facts.rural),
  };
}

/** The people of one household: a head, and a spouse, children or a parent by its size. */
function household(
  random: DemoRandom,
  used: { ids: Set<string>; phones: Set<string> },
  facts: HouseholdFacts,
): DemoResident[] {
  const size = weighted(random, [
    [1, 0.2],
    [2, 0.3],
    [3, 0.3],
    [4, 0.15],
    [5, 0.05],
  ]);
  const age = headAge(random);
  const male = random.next() < 0.6;
  const head = person(random, used, facts, { relation: 'head', age, male, sameSurname: false });
  facts.surname = head.name.length <= 3 ? head.name.slice(0, 1) : '';
  const people = [head];
  if (size === 1) {
    if (age >= 65 && random.next() < 0.8) head.flags.push('elderly_alone');
    return people;
  }
  const spouseAge = Math.max(20, age + random.int(-5, 5));
  people.push(
    person(random, used, facts, { relation: 'spouse', age: spouseAge, male: !male, sameSurname: false }),
  );
  if (size === 2 && age >= 60 && spouseAge >= 60 && random.next() < 0.5) {
    for (const p of people) p.flags.push('empty_nest');
  }
  for (let i = 2; i < size; i++) {
    const parent = i === 4 && age < 55;
    const relation: HouseholdRelation = parent ? 'parent' : 'child';
    const memberAge = parent ? age + random.int(24, 32) : Math.max(0, age - random.int(22, 35));
    people.push(
      person(random, used, facts, {
        relation,
        age: memberAge,
        male: random.next() < 0.5,
        sameSurname: !parent,
      }),
    );
  }
  if (random.next() < 0.03) head.flags.push('low_income');
  return people;
}

/** How many households the register holds for a grid of this size: crowded grids more, the outskirts few. */
function householdsFor(random: DemoRandom, grid: RegisterGrid): number {
  if (grid.households !== undefined) return grid.households;
  if (grid.areaKm2 < 1) return random.int(9, 15);
  if (grid.areaKm2 < 10) return random.int(5, 9);
  return random.int(3, 6);
}

/**
 * The houses of one grid with their people: flats of a compound in a town's grids (楼栋、单元、房号), numbered
 * homes of a village's groups elsewhere. About one house in seventeen stands empty; one household in eight
 * is floating population from the region and its neighbours, renting.
 */
export function drawGridHouseholds(
  random: DemoRandom,
  grid: RegisterGrid,
  used: { ids: Set<string>; phones: Set<string> },
  endYear: number,
): DemoHouse[] {
  const rural = grid.communityName.endsWith('村');
  const stem = grid.communityName.replace(/(社区|村)$/, '');
  const compound = `${stem}${random.pick(['小区', '花园', '家园', '新村', '苑'])}`;
  const houses: DemoHouse[] = [];
  const taken = new Set<string>();
  const count = householdsFor(random, grid);
  while (houses.length < count) {
    const place = rural
      ? {
          address: `${grid.communityName}${random.int(1, 6)}组${random.int(1, 60)}号`,
          building: null,
          unit: null,
          room: null,
        }
      : {
          address: compound,
          building: `${random.int(1, Math.max(2, Math.ceil(count / 6)))}号楼`,
          unit: `${random.int(1, 3)}单元`,
          room: `${random.int(1, 6)}0${random.int(1, 2)}`,
        };
    const key = `${place.address}|${place.building}|${place.unit}|${place.room}`;
    if (taken.has(key)) continue;
    taken.add(key);
    const roll = random.next();
    const occupancy: HouseOccupancy = roll < 0.06 ? 'vacant' : roll < 0.18 ? 'rented' : 'owner_occupied';
    const floating = occupancy === 'rented' && random.next() < 0.85;
    const origin = floating
      ? random.pick(ORIGINS)
      : { code: grid.districtCode, place: `内蒙古自治区乌海市${grid.districtName}` };
    const label = [place.address, place.building, place.unit, place.room].filter(Boolean).join('');
    const facts: HouseholdFacts = {
      endYear,
      rural,
      floating,
      origin,
      registeredAddress: floating ? origin.place : `${origin.place}${label}`,
      surname: '',
    };
    houses.push({
      ...place,
      occupancy,
      area: rural ? random.int(60, 140) : random.int(45, 130),
      point: grid.pointIn(),
      residents: occupancy === 'vacant' ? [] : household(random, used, facts),
    });
  }
  return houses;
}
