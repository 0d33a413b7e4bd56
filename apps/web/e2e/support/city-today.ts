/**
 * Today's work of the demo city, registered through the API before the browser tests: the year of history
 * is closed almost entirely, so without this the dispatcher's queues and the housing bureau's workbench
 * would show a quiet city. Each request takes the path a real one would, as far as its plan says.
 */

/** How far through the lifecycle a request of today is taken. */
type Plan = 'registered' | 'dispatched' | 'accepted' | 'replied' | 'extension' | 'returned';

const REQUESTS: { title: string; content: string; plan: Plan }[] = [
  {
    title: '小区路灯不亮',
    content: '滨河小区南门两盏路灯不亮已有一周，晚上行人出行不便，请尽快维修。',
    plan: 'registered',
  },
  {
    title: '噪音扰民',
    content: '夜间十一点后附近工地仍在施工，噪音很大，影响居民休息，请查处。',
    plan: 'registered',
  },
  {
    title: '道路坑洼',
    content: '人民路与新华街交叉口路面有大坑，雨后积水，车辆经过容易出事故。',
    plan: 'registered',
  },
  {
    title: '垃圾未清运',
    content: '小区门口垃圾桶已满三天无人清运，气味很大，夏天容易滋生蚊蝇。',
    plan: 'registered',
  },
  {
    title: '占道经营',
    content: '步行街北口有流动摊贩长期占道经营，行人只能走机动车道，很不安全。',
    plan: 'registered',
  },
  {
    title: '咨询医保报销',
    content: '想咨询异地就医住院后医保报销需要准备哪些材料，在哪里办理。',
    plan: 'registered',
  },
  {
    title: '楼道堆放杂物',
    content: '3号楼楼道内长期堆放杂物和电动车，存在消防隐患，物业不予处理。',
    plan: 'dispatched',
  },
  {
    title: '小区供暖不热',
    content: '今年供暖以来家里室温只有十五度左右，多次找物业未解决，请协调。',
    plan: 'dispatched',
  },
  {
    title: '电梯经常故障',
    content: '2号楼电梯本月已停运三次，老人上下楼困难，请督促物业维修检测。',
    plan: 'accepted',
  },
  {
    title: '外墙保温层脱落',
    content: '7号楼外墙保温层大面积脱落，刮风时有碎块掉落，威胁行人安全。',
    plan: 'accepted',
  },
  {
    title: '屋顶漏水',
    content: '顶楼住户反映屋顶防水层老化，下雨时屋内漏水严重，请协调维修基金。',
    plan: 'replied',
  },
  {
    title: '老旧小区改造进度',
    content: '咨询本小区列入老旧小区改造计划后何时开工，施工期间如何安排停车。',
    plan: 'extension',
  },
  {
    title: '井盖松动',
    content: '解放路公交站旁井盖松动，车辆压过时响声很大，担心有人踩空跌落。',
    plan: 'returned',
  },
];

interface Session {
  authorization: string;
}

async function call<T>(
  baseUrl: string,
  session: Session | null,
  method: string,
  path: string,
  body?: unknown,
) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(session ? { authorization: session.authorization } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

async function signIn(baseUrl: string, username: string, password: string): Promise<Session> {
  const { token } = await call<{ token: string }>(baseUrl, null, 'POST', '/api/v1/auth/login', {
    username,
    password,
  });
  return { authorization: `Bearer ${token}` };
}

type CaseView = { id: number; version: number; actions: string[]; resolveDeadline: string | null };

/** Takes `action` when the server offers it to this user now; false when it does not. */
async function step(
  baseUrl: string,
  session: Session,
  id: number,
  action: string,
  body: (current: CaseView) => Record<string, unknown> = () => ({}),
): Promise<boolean> {
  const current = await call<CaseView>(baseUrl, session, 'GET', `/api/v1/cases/${id}`);
  if (!current.actions.includes(action)) return false;
  await call(baseUrl, session, 'POST', `/api/v1/cases/${id}/actions/${action}`, {
    version: current.version,
    ...body(current),
  });
  return true;
}

const DAY_MS = 86_400_000;
const PLANS_PAST_DISPATCH: Plan[] = ['accepted', 'replied', 'extension'];

/**
 * Registers today's requests (12345 agent) at grids spread over the city, then takes each as far as its
 * plan: dispatched to the housing bureau, accepted, replied, an extension asked for, or returned.
 */
export async function registerTodaysCases(baseUrl: string, password: string): Promise<number> {
  const [agent, dispatcher, handler] = await Promise.all(
    ['agent', 'dispatcher', 'handler'].map((user) => signIn(baseUrl, user, password)),
  );
  const grids = await call<{ items: { center: { lng: number; lat: number } | null }[] }>(
    baseUrl,
    dispatcher!,
    'GET',
    '/api/v1/orgs?kind=grid&pageSize=200',
  );
  const points = grids.items.flatMap((g) => (g.center ? [g.center] : []));
  const units = await call<{ items: { id: number; name: string }[] }>(
    baseUrl,
    dispatcher!,
    'GET',
    `/api/v1/orgs?q=${encodeURIComponent('住房和城乡建设局')}`,
  );
  const housing = units.items.find((u) => u.name === '乌海市住房和城乡建设局');
  if (!housing) throw new Error('no housing bureau in the demo city');

  for (const [i, request] of REQUESTS.entries()) {
    const point = points[(i * 37) % points.length]!;
    const created = await call<{ id: number }>(baseUrl, agent!, 'POST', '/api/v1/cases', {
      source: i % 3 === 0 ? 'online' : 'hotline_12345',
      ...(i % 3 === 0 ? { channelCode: 'wechat_mini' } : {}),
      type: request.title.startsWith('咨询') ? 'consultation' : 'complaint',
      priority: 'normal',
      title: request.title,
      content: request.content,
      citizenName: `${'王李张刘陈杨赵黄周吴'[i % 10]}先生`,
      citizenPhone: `1394730${String(1000 + i).padStart(4, '0')}`,
      anonymous: false,
      keepPrivate: false,
      location: { longitude: point.lng, latitude: point.lat },
    });
    if (request.plan === 'registered') continue;
    const id = created.id;
    if (!(await step(baseUrl, dispatcher!, id, 'dispatch', () => ({ leadUnitId: housing.id })))) continue;
    if (request.plan === 'returned') {
      await step(baseUrl, handler!, id, 'return', () => ({
        reason: '该井盖属市政设施，应由城市管理部门处理',
      }));
      continue;
    }
    if (!PLANS_PAST_DISPATCH.includes(request.plan)) continue;
    if (!(await step(baseUrl, handler!, id, 'accept'))) continue;
    if (request.plan === 'replied') {
      await step(baseUrl, handler!, id, 'reply', () => ({
        content: '已联系物业和维修单位，屋顶防水已修复。',
      }));
    } else if (request.plan === 'extension') {
      await step(baseUrl, handler!, id, 'request_extension', (c) => ({
        newDeadline: new Date(new Date(c.resolveDeadline ?? Date.now()).getTime() + 5 * DAY_MS).toISOString(),
        reason: '改造方案尚在征求居民意见，需延期答复',
      }));
    }
  }
  return REQUESTS.length;
}
