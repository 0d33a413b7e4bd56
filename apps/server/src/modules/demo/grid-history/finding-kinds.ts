/**
 * What grid workers find on their rounds, written for the demo: each kind of finding with the admission-list
 * item it falls under (网格事项准入清单), the catalog area its case goes to if it is reported up (and the
 * leaves that fit it best), how often it is found, how often it cannot be settled in the grid, and the
 * worker's words. Slots: {c} community, {b} a building or spot.
 */
export interface FindingKind {
  /** admission-list item code (`GA04.002`) */
  item: string;
  /** short name: the title of its case when reported up */
  title: string;
  /** 大类 of the catalog the case is filed under */
  area: string;
  /** the leaves of that area that fit best (by subcategory and name); any leaf of the area otherwise */
  leaf: RegExp;
  /** relative frequency */
  weight: number;
  /** the share reported up as a case (上报) rather than solved in the grid */
  reportUp: number;
  /** only in these months (1–12), when seasonal */
  months?: readonly number[];
  /** what the worker writes when he records it */
  texts: readonly string[];
  /** what he writes when he solved it on the spot */
  solved: readonly string[];
  /** what he adds when he reports it up */
  reported: string;
}

const HEATING = [1, 2, 3, 4, 10, 11, 12];
const RAINY = [6, 7, 8, 9];

export const FINDING_KINDS: readonly FindingKind[] = [
  {
    item: 'GA04.002',
    title: '楼道堆放杂物',
    area: '城乡建设',
    leaf: /物业|住房|小区|居民服务/,
    weight: 12,
    reportUp: 0.03,
    texts: ['{c}{b}楼道内堆放纸箱、旧家具等杂物，堵塞疏散通道', '{c}{b}单元楼梯间堆放大量杂物，存在消防隐患'],
    solved: ['已劝导住户当场清理，楼道恢复畅通', '已联系物业清运杂物，通道畅通'],
    reported: '住户拒不清理，物业无力处置，请求执法部门介入',
  },
  {
    item: 'GA04.003',
    title: '电动自行车违规充电',
    area: '城乡建设',
    leaf: /安全|消防/,
    weight: 9,
    reportUp: 0.05,
    texts: ['{c}{b}有居民从窗户飞线为电动自行车充电', '{c}{b}楼道内停放电动自行车并违规充电'],
    solved: ['已劝导车主拆除飞线，引导至集中充电桩充电', '已劝导车主将电动车移出楼道'],
    reported: '多次劝导无效，请求消防部门检查',
  },
  {
    item: 'GA04.001',
    title: '消防通道堵塞',
    area: '城乡建设',
    leaf: /安全|消防/,
    weight: 6,
    reportUp: 0.12,
    texts: ['{c}{b}消防通道被私家车长期占用', '{c}{b}消防栓被杂物遮挡，灭火器过期'],
    solved: ['已联系车主挪车，并在通道处张贴禁停提示', '已协调物业清理并更换灭火器'],
    reported: '车主联系不上，请求交警和消防部门处置',
  },
  {
    item: 'GA04.008',
    title: '窨井盖缺损',
    area: '城乡建设',
    leaf: /市政|公共设施|道路|城市建设/,
    weight: 4,
    reportUp: 0.6,
    texts: ['{c}{b}路面窨井盖破损下陷，行人车辆经过有危险', '{c}{b}一处雨水井盖缺失，已临时放置警示物'],
    solved: ['已联系产权单位当天更换井盖'],
    reported: '已设置临时警示，需市政部门更换井盖',
  },
  {
    item: 'GA04.009',
    title: '道路设施损坏',
    area: '城乡建设',
    leaf: /市政|道路|公路|城市建设/,
    weight: 4,
    reportUp: 0.55,
    texts: ['{c}{b}人行道地砖大面积松动破损', '{c}{b}路面出现坑槽，雨后积水严重'],
    solved: ['已协调社区对松动地砖临时修补'],
    reported: '损坏面积较大，需市政部门维修',
  },
  {
    item: 'GA04.010',
    title: '路灯损坏',
    area: '城乡建设',
    leaf: /路灯|公共设施|市政|城市建设/,
    weight: 6,
    reportUp: 0.4,
    texts: ['{c}{b}两盏路灯夜间不亮，居民出行不便', '{c}{b}路灯灯杆倾斜，存在倒伏隐患'],
    solved: ['已联系物业电工更换灯泡，路灯恢复照明'],
    reported: '属市政路灯，需路灯管理部门维修',
  },
  {
    item: 'GA02.001',
    title: '垃圾堆放',
    area: '城乡建设',
    leaf: /环卫|园林|市容|城市管理|环境/,
    weight: 12,
    reportUp: 0.1,
    texts: ['{c}{b}垃圾桶满溢，周边堆放生活垃圾', '{c}{b}绿化带内有建筑垃圾堆放'],
    solved: ['已联系保洁员当天清运', '已督促物业清理，并提醒居民分类投放'],
    reported: '建筑垃圾量大，需环卫部门清运并查处倾倒者',
  },
  {
    item: 'GA02.001',
    title: '占道经营',
    area: '城乡建设',
    leaf: /城管|市容|执法|城市管理/,
    weight: 7,
    reportUp: 0.25,
    texts: ['{c}{b}有流动摊贩占道经营，影响行人通行', '{c}{b}商户将货物摆放至人行道'],
    solved: ['已劝导摊贩离开，商户已将货物收回店内'],
    reported: '商户屡劝不改，请求城管执法部门处理',
  },
  {
    item: 'GA02.013',
    title: '私搭乱建',
    area: '城乡建设',
    leaf: /违章|违法建设|城管|执法|规划/,
    weight: 3,
    reportUp: 0.55,
    texts: ['{c}{b}有住户在公共区域私自搭建棚屋', '{c}{b}一楼住户私自扩建院墙侵占绿地'],
    solved: ['经劝导，住户已自行拆除搭建物'],
    reported: '住户拒不拆除，请求城管执法部门依法处置',
  },
  {
    item: 'GA04.018',
    title: '违规用火用电',
    area: '城乡建设',
    leaf: /安全|消防/,
    weight: 3,
    reportUp: 0.1,
    texts: ['{c}{b}有居民在楼下焚烧杂物', '{c}{b}地下室私拉乱接电线'],
    solved: ['已劝阻并扑灭明火，讲解用火安全', '已协调物业拆除私接电线'],
    reported: '存在较大火灾隐患，请求消防部门检查',
  },
  {
    item: 'GA04.011',
    title: '小餐饮食品安全',
    area: '卫生计生',
    leaf: /食品|公共卫生/,
    weight: 2,
    reportUp: 0.25,
    texts: ['{c}{b}一家小餐馆后厨卫生条件差，无健康证', '{c}{b}早餐摊点食品无遮盖，卫生堪忧'],
    solved: ['已提醒经营者整改，当场清理并加盖防尘罩'],
    reported: '需市场监管部门检查处理',
  },
  {
    item: 'GA04.014',
    title: '工地扬尘噪音',
    area: '环境保护',
    leaf: /噪|大气|扬尘|环境/,
    weight: 2,
    reportUp: 0.35,
    texts: ['{c}附近工地夜间施工，噪音扰民', '{c}{b}工地渣土未覆盖，扬尘严重'],
    solved: ['已联系工地负责人，停止夜间施工并覆盖渣土'],
    reported: '工地拒不整改，请求生态环境和住建部门查处',
  },
  {
    item: 'GA02.001',
    title: '噪音扰民',
    area: '环境保护',
    leaf: /噪/,
    weight: 3,
    reportUp: 0.25,
    texts: ['{c}{b}商铺门口音响声音过大，影响居民休息', '{c}{b}广场舞音响音量过大'],
    solved: ['已协调降低音量并约定活动时间'],
    reported: '协调未果，请求有关部门处理',
  },
  {
    item: 'GA03.002',
    title: '邻里纠纷',
    area: '政法',
    leaf: /调解|纠纷|仲裁/,
    weight: 5,
    reportUp: 0.08,
    texts: ['{c}{b}上下楼住户因漏水问题发生争执', '{c}{b}两户居民因停车位发生口角'],
    solved: ['经网格员现场调解，双方达成一致', '已组织双方协商，矛盾化解'],
    reported: '双方分歧较大，请求司法所组织调解',
  },
  {
    item: 'GA03.004',
    title: '物业纠纷',
    area: '城乡建设',
    leaf: /物业/,
    weight: 4,
    reportUp: 0.2,
    texts: ['{c}居民反映物业服务不到位，拒交物业费', '{c}{b}电梯多次故障，居民与物业发生矛盾'],
    solved: ['已召集业主代表和物业协商，物业承诺整改'],
    reported: '物业拒不整改，请求住建部门督促',
  },
  {
    item: 'GA05.002',
    title: '可疑人员及物品',
    area: '社会治安',
    leaf: /治安|可疑|安全/,
    weight: 1.5,
    reportUp: 0.5,
    texts: ['{c}{b}发现有陌生人多次挨户推销、打探情况', '{c}{b}有不明物品长期无人认领'],
    solved: ['经核实为快递员，已做好登记'],
    reported: '已留存照片，请求公安机关核查',
  },
  {
    item: 'GA06.001',
    title: '独居老人需求',
    area: '民政',
    leaf: /养老|老年|救助|社会福利/,
    weight: 4,
    reportUp: 0.15,
    texts: ['{c}{b}独居老人行动不便，需要帮助购买生活用品', '{c}{b}独居老人家中燃气灶老化，存在安全隐患'],
    solved: ['已帮老人代购生活用品并登记回访', '已联系燃气公司上门更换'],
    reported: '老人需申请居家养老服务，请求民政部门评估',
  },
  {
    item: 'GA02.008',
    title: '困难群众诉求',
    area: '民政',
    leaf: /救助|低保|社会福利/,
    weight: 3,
    reportUp: 0.25,
    texts: ['{c}一户居民因病致贫，生活困难', '{c}{b}居民反映临时救助申请进度慢'],
    solved: ['已协助居民准备申请材料，送社区办理'],
    reported: '需民政部门核实并给予救助',
  },
  {
    item: 'GA04.015',
    title: '防汛隐患',
    area: '城乡建设',
    leaf: /排水|市政|城市建设/,
    weight: 3,
    reportUp: 0.4,
    months: RAINY,
    texts: ['{c}{b}雨水篦子堵塞，雨后路面积水', '{c}{b}地下车库入口无挡水设施'],
    solved: ['已组织清掏雨水篦子，积水排除'],
    reported: '排水管网不畅，需市政部门疏通',
  },
  {
    item: 'GA02.001',
    title: '供暖问题',
    area: '水电气暖',
    leaf: /供热|暖/,
    weight: 6,
    reportUp: 0.45,
    months: HEATING,
    texts: ['{c}{b}多户居民反映暖气不热', '{c}{b}供热管道漏水'],
    solved: ['已联系物业排气，室温恢复正常'],
    reported: '需供热公司上门检修',
  },
  {
    item: 'GA04.007',
    title: '高空坠物隐患',
    area: '城乡建设',
    leaf: /安全|房屋|物业/,
    weight: 1.5,
    reportUp: 0.3,
    texts: ['{c}{b}楼顶外墙保温层松动脱落', '{c}{b}阳台花盆摆放在护栏外侧'],
    solved: ['已劝导住户将花盆移回室内'],
    reported: '外墙脱落需专业维修，请求住建部门协调维修资金',
  },
  {
    item: 'GA04.005',
    title: '老旧房屋隐患',
    area: '城乡建设',
    leaf: /房屋|住房|修缮/,
    weight: 1,
    reportUp: 0.5,
    texts: ['{c}{b}老旧平房墙体开裂', '{c}{b}楼梯扶手锈蚀断裂'],
    solved: ['已协调社区临时加固扶手'],
    reported: '需住建部门鉴定房屋安全',
  },
];

/** The kinds found in a month (1–12): the seasonal ones only in their season. */
export function kindsOf(month: number): readonly FindingKind[] {
  return FINDING_KINDS.filter((k) => !k.months || k.months.includes(month));
}
