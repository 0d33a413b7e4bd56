/**
 * The demo knowledge base and reply templates: common questions to a 12345 hotline of a city like Wuhai,
 * written for the demo. The answers are deliberately generic — they describe the usual way things are done
 * in China and send the caller to the responsible office for what varies (fees, addresses, opening hours);
 * they are not Wuhai's official rules. National service numbers (12333, 12329, 12366, 95598, 12315, 12348,
 * 110/119/120/122) are the only numbers named.
 */

/**
 * Where a demo entry belongs, by name, since category ids and codes depend on which catalog tree was loaded
 * (the demo tree or the competition tree): the first area (大类) found, then under it the first subcategory
 * found; the area alone when none is, and no category when no area is.
 */
export interface DemoCategoryRef {
  area: readonly string[];
  sub?: readonly string[];
}

/** A knowledge entry of the demo, under a stable key. */
export interface DemoKnowledgeEntry {
  key: string;
  category: DemoCategoryRef | null;
  question: string;
  answer: string;
  tags: readonly string[];
  validFrom?: string;
  validTo?: string;
}

/** A reply template of the demo, under a stable key. */
export interface DemoReplyTemplate {
  key: string;
  category: DemoCategoryRef | null;
  name: string;
  body: string;
}

const HOUSING = { area: ['城乡建设'], sub: ['住房与物业', '住房保障与房地产'] };
const CITY_MGMT = { area: ['城乡建设'], sub: ['城市管理', '城市建设和市政管理'] };
const PENSION = { area: ['劳动和社会保障'], sub: ['社会保险', '城镇职工社会保险'] };
const RESIDENT_INS = { area: ['劳动和社会保障'], sub: ['社会保险', '城镇居民社会保险'] };
const LABOUR = { area: ['劳动和社会保障'], sub: ['劳动关系'] };
const JOBS = { area: ['劳动和社会保障'], sub: ['就业创业', '就业培训'] };
const MEDICAL = { area: ['卫生计生'], sub: ['医疗服务', '医政监管'] };
const POLICE_ID = { area: ['政法', '社会治安'], sub: ['户籍证件'] };
const TRAFFIC = { area: ['政法', '交通运输'], sub: ['交通管理'] };
const SCHOOL = { area: ['教育文体'], sub: ['学校管理', '教育行政管理'] };
const CIVIL = { area: ['民政'], sub: ['社会救助'] };
const ELDERLY = { area: ['民政'], sub: ['养老服务', '社会服务'] };
const MARKET = { area: ['商贸旅游'], sub: ['市场监管'] };
const CONSUMER = { area: ['商贸旅游'], sub: ['消费维权', '市场监管'] };
const WATER = { area: ['水电气暖'], sub: ['供水排水'] };
const POWER = { area: ['水电气暖'], sub: ['供电'] };
const GAS = { area: ['水电气暖'], sub: ['燃气'] };
const HEAT = { area: ['水电气暖'], sub: ['供热'] };
const GUIDE = { area: ['便民服务'], sub: ['便民咨询'] };
const TAX = { area: ['经济管理', '便民服务'], sub: ['金融财税', '便民咨询'] };
const ENV = { area: ['环境保护'], sub: ['噪音污染', '环境污染'] };

const CHECK_OFFICE = '具体材料和流程以办理窗口或官方政务服务平台公布为准。';

export const DEMO_KNOWLEDGE_ENTRIES: readonly DemoKnowledgeEntry[] = [
  // 住房公积金
  {
    key: 'hpf.withdraw-materials',
    category: HOUSING,
    question: '住房公积金提取需要哪些材料？',
    answer:
      '常见的提取情形有购房、还贷、租房、退休、离职后符合条件等。一般需携带本人身份证件、公积金联名卡或本人银行卡，以及对应情形的证明材料（如购房合同或发票、贷款合同、租房证明、退休证明等）。多数情形可通过公积金中心网上服务大厅或手机App办理。' +
      CHECK_OFFICE +
      '也可拨打住房公积金服务热线 12329 咨询。',
    tags: ['公积金', '提取', '取公积金', '租房提取'],
  },
  {
    key: 'hpf.loan-conditions',
    category: HOUSING,
    question: '申请住房公积金贷款需要满足什么条件？',
    answer:
      '一般要求连续足额缴存公积金满一定期限、购买自住住房、具有稳定收入和还款能力、无未还清的公积金贷款等。可贷额度与缴存余额、缴存年限、房价和还款能力有关，首付比例和利率按当期政策执行。请向住房公积金管理中心或受托银行咨询最新政策。',
    tags: ['公积金贷款', '买房贷款', '房贷'],
  },
  {
    key: 'hpf.balance-query',
    category: HOUSING,
    question: '怎样查询自己的住房公积金余额和缴存记录？',
    answer:
      '可通过住房公积金管理中心网上服务大厅、手机App、微信公众号、全国住房公积金小程序查询，也可携带身份证到公积金服务网点查询，或拨打 12329 热线按提示查询。首次网上查询一般需先注册并实名认证。',
    tags: ['公积金查询', '余额', '缴存记录'],
  },
  {
    key: 'hpf.transfer',
    category: HOUSING,
    question: '换工作到外地，住房公积金怎么转移？',
    answer:
      '跨城市转移一般由职工向转入地公积金中心申请，通过全国住房公积金异地转移接续平台办理，通常无需回原缴存地。前提是在转入地已建立公积金账户并正常缴存。可通过转入地公积金中心网点、网上服务大厅或全国住房公积金小程序申请。',
    tags: ['公积金转移', '异地转移', '跳槽'],
  },
  {
    key: 'hpf.deposit-base',
    category: HOUSING,
    question: '单位的住房公积金缴存基数和比例每年什么时候调整？',
    answer:
      '缴存基数一般每年调整一次，以职工上一年度月平均工资为准，缴存比例须在规定的上下限之间，由单位确定。具体调整时间、基数上下限以住房公积金管理中心每年发布的通知为准。单位经办人可通过单位网上业务系统办理基数调整。',
    tags: ['公积金基数', '缴存比例', '年度调整'],
  },
  // 社会保险
  {
    key: 'si.pension-eligibility',
    category: PENSION,
    question: '养老保险交满多少年可以领取养老金？',
    answer:
      '按现行规定，职工基本养老保险累计缴费一般须满 15 年，且达到法定退休年龄，方可按月领取基本养老金；渐进式延迟退休改革实施后，最低缴费年限将逐步提高，以人社部门公布的政策为准。缴费不足的，可按规定延长缴费或补缴。可拨打人社服务热线 12333 咨询个人情况。',
    tags: ['养老金', '退休金', '缴费年限', '领取条件'],
  },
  {
    key: 'si.flexible-employment',
    category: PENSION,
    question: '灵活就业人员怎么参加养老保险和医疗保险？',
    answer:
      '个体工商户、无雇工的个体经营者和灵活就业人员，可以本人身份证到户籍地或居住地社保经办机构登记参保，也可通过当地社保网上服务平台或手机App办理。缴费基数可在规定范围内自主选择，按月、按季或按年缴费。' +
      CHECK_OFFICE,
    tags: ['灵活就业', '个人交社保', '自由职业'],
  },
  {
    key: 'si.card-reissue',
    category: PENSION,
    question: '社保卡丢了怎么挂失和补办？',
    answer:
      '社保卡丢失后请尽快挂失：可拨打 12333、合作银行客服电话，或通过社保卡服务App、电子社保卡办理临时挂失。补办时携带本人身份证到社保卡服务网点或合作银行网点申请，部分网点可即时制卡。补办可能收取工本费，以网点公示为准。',
    tags: ['社保卡', '挂失', '补卡', '丢失'],
  },
  {
    key: 'si.transfer',
    category: PENSION,
    question: '在外地交的社保能转回乌海吗？',
    answer:
      '职工基本养老保险和医疗保险可以跨省转移接续。一般由参保人向新参保地（转入地）社保经办机构提出申请，也可通过国家社会保险公共服务平台或掌上12333 App在线申请，转出地审核后办理转移。转移前请确认在新参保地已正常参保缴费。',
    tags: ['社保转移', '跨省转移', '转移接续'],
  },
  {
    key: 'si.unemployment',
    category: JOBS,
    question: '失业了怎么领取失业保险金？',
    answer:
      '非因本人意愿中断就业、失业前参加失业保险并缴费满 1 年、已进行失业登记并有求职要求的，可以申领失业保险金。可通过当地人社部门网上服务平台、掌上12333 App或到公共就业服务机构申请。领取期限与累计缴费年限有关，标准以当地规定为准。',
    tags: ['失业金', '失业保险', '失业登记'],
  },
  {
    key: 'si.work-injury',
    category: LABOUR,
    question: '上班时受伤了怎么申请工伤认定？',
    answer:
      '发生事故伤害后，用人单位应在 30 日内向社会保险行政部门提出工伤认定申请；单位未申请的，受伤职工或其近亲属、工会组织可在事故发生之日起 1 年内申请。需提交工伤认定申请表、劳动关系证明、医疗诊断证明等材料。' +
      CHECK_OFFICE,
    tags: ['工伤', '工伤认定', '上班受伤'],
  },
  {
    key: 'labour.wage-arrears',
    category: LABOUR,
    question: '单位拖欠工资该向哪里反映？',
    answer:
      '可先与单位协商；协商不成的，可向用人单位所在地的劳动保障监察机构投诉举报，或向劳动人事争议仲裁委员会申请仲裁。请保留劳动合同、考勤记录、工资条、聊天记录等证据。也可通过 12345 热线登记诉求，由相关部门处理。',
    tags: ['欠薪', '欠工资', '不发工资', '讨薪', '劳动仲裁'],
  },
  // 医疗保障
  {
    key: 'medins.offsite-filing',
    category: MEDICAL,
    question: '去外地就医，医保异地就医备案怎么办？',
    answer:
      '异地长期居住人员、异地工作人员、转诊人员等，可通过国家医保服务平台App、国家异地就医备案小程序或当地医保经办窗口办理跨省异地就医备案。备案后在就医地联网定点医疗机构可直接结算。临时外出就医的，也可按规定办理临时备案。报销比例以参保地政策为准。',
    tags: ['医保', '异地就医', '备案', '外地看病', '异地住院', '跨省报销'],
  },
  {
    key: 'medins.resident-payment',
    category: RESIDENT_INS,
    question: '城乡居民医疗保险每年什么时候交费？怎么交？',
    answer:
      '城乡居民医保一般按年度缴费，集中征缴期通常在上一年的秋冬季，具体起止时间和个人缴费标准以当年医保、税务部门公告为准。可通过税务部门的缴费App、微信或支付宝的缴费服务、合作银行等渠道缴纳。',
    tags: ['居民医保', '医保缴费', '交医保'],
  },
  {
    key: 'medins.chronic-disease',
    category: MEDICAL,
    question: '门诊慢特病待遇怎么申请？',
    answer:
      '患有高血压、糖尿病等规定病种的参保人，可持相关病历、检查报告等材料向医保经办机构或定点医疗机构申请门诊慢特病待遇认定，部分地区可线上申请。认定通过后在定点医疗机构门诊就医可按规定报销。病种目录和报销标准以当地医保部门公布为准。',
    tags: ['慢病', '慢特病', '门诊报销', '高血压', '糖尿病'],
  },
  {
    key: 'medins.inpatient-claim',
    category: MEDICAL,
    question: '住院费用医保怎么报销？',
    answer:
      '在本地定点医疗机构住院的，出院时一般直接在医院结算，只需支付个人自付部分。因急诊等原因在非联网医院垫付费用的，可携带身份证、医保凭证、发票、费用明细、出院小结等材料到医保经办机构申请手工报销。起付线、报销比例以参保地政策为准。',
    tags: ['住院报销', '医保报销', '看病报销'],
  },
  {
    key: 'medins.newborn',
    category: RESIDENT_INS,
    question: '新生儿怎么参加医保？',
    answer:
      '新生儿一般可在出生后一定期限内凭出生医学证明、户口簿等参加城乡居民医保，部分地区可与出生登记、落户等“出生一件事”联办。在规定期限内参保缴费的，出生之日起发生的医疗费用可按规定报销。' +
      CHECK_OFFICE,
    tags: ['新生儿', '宝宝医保', '出生一件事'],
  },
  // 户籍、身份证、居住证
  {
    key: 'hukou.newborn',
    category: POLICE_ID,
    question: '新生儿怎么办理出生登记落户？',
    answer:
      '一般由父母一方携带出生医学证明、父母双方身份证和户口簿、结婚证等材料，到父亲或母亲户籍所在地派出所户籍窗口申报出生登记，部分地区可通过政务服务平台“出生一件事”线上办理。' +
      CHECK_OFFICE,
    tags: ['上户口', '孩子上户口', '落户', '出生登记', '户口'],
  },
  {
    key: 'hukou.move-in',
    category: POLICE_ID,
    question: '外地户口想迁到本市需要什么条件？',
    answer:
      '常见的落户方式有购房落户、投靠亲属落户、就业落户、学历人才落户等，各类方式的条件不同。目前跨省迁移多可实行“一站式”办理，即在迁入地派出所申请，无需回迁出地开具准迁证。具体条件以公安机关户政部门公布的政策为准。',
    tags: ['户口迁移', '迁户口', '落户', '户籍'],
  },
  {
    key: 'idcard.reissue',
    category: POLICE_ID,
    question: '身份证丢了怎么补办？',
    answer:
      '身份证丢失后可到户籍所在地或居住地公安机关户籍窗口申请补领，现场采集照片和指纹；目前已普遍实行跨省异地补领。补领期间需要乘车、办事的，可申请临时身份证，或使用电子证照。办理时限和工本费以窗口公示为准。',
    tags: ['身份证', '补办身份证', '丢失', '证件丢了'],
  },
  {
    key: 'idcard.renewal',
    category: POLICE_ID,
    question: '身份证快到期了，换证需要带什么？',
    answer:
      '身份证有效期届满前 3 个月内可申请换领，携带原身份证（及户口簿）到户籍窗口办理，现场采集照片、指纹，也可持符合要求的照片回执办理。已实行跨省异地换领。证件到期后也可继续申请换领，但到期后的证件不能正常使用。',
    tags: ['身份证到期', '换证', '换领'],
  },
  {
    key: 'residence.permit',
    category: POLICE_ID,
    question: '外地人在本市怎样办理居住证？',
    answer:
      '离开户籍地到本市居住半年以上，并有合法稳定就业、合法稳定住所或连续就读条件之一的，可申领居住证。一般先到居住地派出所或社区申报居住登记，满足条件后携带身份证、照片及就业、住所或就读证明申请。居住证可用于办理随迁子女入学、部分公共服务等。' +
      CHECK_OFFICE,
    tags: ['居住证', '暂住证', '外地人'],
  },
  {
    key: 'residence.endorse',
    category: POLICE_ID,
    question: '居住证需要每年签注吗？',
    answer:
      '居住证一般每年签注一次，持证人在居住地连续居住的，应在居住每满一年之日前 1 个月内到居住地公安派出所或受委托的社区服务机构办理签注，部分地区可线上签注。逾期未签注的，居住年限自重新签注之日起连续计算。',
    tags: ['居住证签注', '年审'],
  },
  // 不动产登记
  {
    key: 'estate.transfer',
    category: HOUSING,
    question: '二手房买卖过户需要准备哪些材料？',
    answer:
      '二手房转移登记一般需要买卖双方身份证件、不动产权证书（或房产证、土地证）、买卖合同、完税凭证，已婚的可能需要婚姻证明，有抵押的需先办理抵押注销或按规定处理。一般可在不动产登记中心“一窗受理”，同时办理缴税和登记。' +
      CHECK_OFFICE,
    tags: ['过户', '二手房', '房产过户', '不动产登记', '房本'],
  },
  {
    key: 'estate.certificate-lost',
    category: HOUSING,
    question: '不动产权证书丢了怎么补办？',
    answer:
      '不动产权证书遗失的，权利人可持身份证件向不动产登记机构申请补发，登记机构按规定公告（一般在门户网站公告）后补发新证书，原证书作废。办理期间如需交易或抵押，请咨询登记机构能否同步办理。',
    tags: ['房产证丢了', '房本丢失', '补证'],
  },
  {
    key: 'estate.mortgage-release',
    category: HOUSING,
    question: '房贷还清了，怎么办理抵押注销？',
    answer:
      '贷款结清后，可向贷款银行申请出具贷款结清证明和抵押注销所需材料，由银行或本人向不动产登记机构申请抵押权注销登记；目前许多银行已可与登记机构线上联办，无需本人跑腿。具体以贷款银行和不动产登记中心的要求为准。',
    tags: ['抵押注销', '解押', '房贷还清'],
  },
  // 供暖
  {
    key: 'heat.not-warm',
    category: HEAT,
    question: '家里暖气不热怎么办？',
    answer:
      '请先检查自家阀门是否全开、暖气片是否需要排气、过滤器是否堵塞；同一单元多户不热的，多为管网或换热站问题。可直接联系所属供热企业的服务电话报修，或拨打 12345 登记诉求，说明小区、楼号、室内温度和持续时间，由供热企业上门排查。室温标准以本市供热管理规定为准。',
    tags: ['暖气', '供暖', '温度低', '不热', '供热'],
  },
  {
    key: 'heat.season',
    category: HEAT,
    question: '今年供暖季什么时候开始和结束？',
    answer:
      '本市供暖期通常为每年 10 月中旬至次年 4 月中旬，实际开栓、停暖日期会根据气温调整，以市供热主管部门当年发布的通知为准。开栓前供热企业会先注水试压，期间请家中留人并关好阀门、检查管道。',
    tags: ['供暖时间', '开栓', '停暖', '暖气什么时候来'],
    validFrom: '2026-09-01',
    validTo: '2027-05-15',
  },
  {
    key: 'heat.season-2025',
    category: HEAT,
    question: '2025—2026 供暖季会延长供暖吗？',
    answer:
      '是否延长供暖由市供热主管部门根据气温情况决定并发布通知。如遇延长供暖，按通知执行；未发布通知的，按原定日期停暖。请以官方通知为准。',
    tags: ['延长供暖', '停暖'],
    validFrom: '2026-03-01',
    validTo: '2026-04-30',
  },
  {
    key: 'heat.fee',
    category: HEAT,
    question: '供暖费在哪里缴纳？',
    answer:
      '供暖费一般在供暖期开始前缴纳，可通过供热企业营业厅、微信公众号、支付宝生活缴费或合作银行缴纳。收费标准按价格主管部门核定的价格执行，具体以供热企业公示为准。对收费有异议的，可向供热企业或 12345 反映。',
    tags: ['暖气费', '取暖费', '交费'],
  },
  {
    key: 'heat.suspend',
    category: HEAT,
    question: '房子空着没人住，可以申请暖气报停吗？',
    answer:
      '部分小区允许符合条件的空置房屋申请停供，一般须在供暖期开始前向供热企业提出申请，由供热企业上门关阀并确认，停供期间通常仍需按规定缴纳一定比例的基础热费。是否允许停供及收费办法以本市供热管理规定和供热企业的说明为准。',
    tags: ['报停', '停供', '空房', '暖气'],
  },
  // 水、电、气
  {
    key: 'water.outage',
    category: WATER,
    question: '小区突然停水了找谁？',
    answer:
      '可先查看小区公告或供水企业发布的计划停水通知；没有通知的，请联系物业或供水企业服务电话报修，也可拨打 12345 登记，说明小区、楼号和停水时间。户内管道、水龙头损坏属业主自行维修范围，可联系物业或有资质的维修人员。',
    tags: ['停水', '没水', '水压低', '供水'],
  },
  {
    key: 'water.pipe-burst',
    category: WATER,
    question: '路上水管爆裂冒水向哪里报告？',
    answer:
      '市政供水管道爆裂请尽快拨打 12345 或供水企业抢修电话报告，说明具体位置（路名、附近标志物）和冒水情况，注意远离塌陷区域。小区内部管道由物业或产权单位负责维修。',
    tags: ['爆管', '水管破裂', '跑水'],
  },
  {
    key: 'power.outage',
    category: POWER,
    question: '家里突然停电了怎么报修？',
    answer:
      '先看邻居家是否也停电：只有自家停电的，检查家中空气开关、电表箱开关是否跳闸，是否欠费；整栋楼或片区停电的，可拨打国家电网供电服务热线 95598 或通过“网上国网”App查询停电信息、报修。发现电线断落请远离并立即报告。',
    tags: ['停电', '没电', '跳闸', '供电', '95598'],
  },
  {
    key: 'power.bill',
    category: POWER,
    question: '电费怎么交？欠费停电了怎么办？',
    answer:
      '可通过“网上国网”App、微信或支付宝生活缴费、银行、供电营业厅等渠道缴纳电费。因欠费停电的，缴清电费后一般会在规定时限内自动或远程复电；长时间未复电的，请拨打 95598 查询。',
    tags: ['交电费', '电费', '欠费停电'],
  },
  {
    key: 'gas.leak',
    category: GAS,
    question: '闻到燃气味道怎么办？',
    answer:
      '立即关闭燃气阀门，打开门窗通风，不要开关电器、不要使用明火和手机，迅速离开室内，到安全地点后拨打燃气企业抢修电话或 119 报警。请勿自行拆修燃气设施。此类情况属紧急情况，坐席应指导来电人先确保安全。',
    tags: ['燃气泄漏', '煤气味', '天然气', '漏气'],
  },
  {
    key: 'gas.open-account',
    category: GAS,
    question: '新房怎么开通天然气？',
    answer:
      '一般由房屋所有人携带身份证、房屋产权或购房证明到燃气企业营业厅申请开户，燃气企业安排上门通气、安检和安全宣传。开通前请确认燃气表、灶具和连接软管符合安全要求。所需材料及费用以燃气企业公示为准。',
    tags: ['开通燃气', '通气', '开户'],
  },
  // 城市管理
  {
    key: 'city.street-vendor',
    category: CITY_MGMT,
    question: '路边有人占道摆摊经营，向哪里投诉？',
    answer:
      '占道经营、店外经营等问题由城市管理综合执法部门负责。可拨打 12345 或通过网上渠道反映，说明具体地点、时段和影响（如堵塞人行道、噪音、油烟），必要时附照片，工单将派发城管执法部门处理。',
    tags: ['占道经营', '摆摊', '摆地摊', '小商贩', '城管'],
  },
  {
    key: 'city.illegal-building',
    category: CITY_MGMT,
    question: '小区里有人私搭乱建怎么举报？',
    answer:
      '可通过 12345 反映违法建设线索，说明小区名称、楼号、搭建位置和大致时间，最好附照片。工单将派发属地街道或城市管理执法部门核查，对认定的违法建设依法处理。也可先向物业服务企业报告，物业应予劝阻并报告有关部门。',
    tags: ['违建', '违章建筑', '私搭乱建', '乱搭建'],
  },
  {
    key: 'city.garbage',
    category: CITY_MGMT,
    question: '小区垃圾没人清运，堆了好几天了怎么办？',
    answer:
      '小区内部的垃圾清运一般由物业服务企业负责，可先向物业反映；物业不处理或无物业的老旧小区，可拨打 12345 登记，工单将派发属地街道、社区或环卫部门处理。请说明小区名称、垃圾点位置和持续时间。',
    tags: ['垃圾清运', '垃圾堆积', '环卫'],
  },
  {
    key: 'env.noise',
    category: ENV,
    question: '晚上工地施工噪音太大影响休息怎么办？',
    answer:
      '夜间施工原则上须取得有关部门许可。夜间施工噪音扰民的，可拨打 12345 反映，说明工地位置、施工时间；工单将按职责派发生态环境或住建、城管部门核查处理。社会生活噪声（如广场舞、商铺音响）也可通过 12345 反映，必要时可报警。',
    tags: ['噪音', '扰民', '夜间施工', '噪声', '装修噪音', '太吵'],
  },
  {
    key: 'housing.property-dispute',
    category: HOUSING,
    question: '对物业服务不满意可以向哪里反映？',
    answer:
      '可先向物业服务企业或业主委员会提出；协商不成的，可拨打 12345 反映，工单将派发住建（物业管理）部门或属地街道、社区协调处理。涉及收费问题的，可向价格主管或市场监管部门反映。请说明小区名称、物业企业名称和具体问题。',
    tags: ['物业', '物业费', '物业纠纷'],
  },
  // 交通
  {
    key: 'traffic.violation',
    category: TRAFFIC,
    question: '车辆有交通违法记录在哪里查询和处理？',
    answer:
      '可通过“交管12123”App查询本人及本人车辆的交通违法记录，符合条件的可在App上在线处理并缴纳罚款；也可到公安交警部门的违法处理窗口办理。对违法记录有异议的，可在处理时提出。交通事故请拨打 122。',
    tags: ['违章', '违章查询', '罚单', '交通违法', '12123'],
  },
  {
    key: 'traffic.license-renewal',
    category: TRAFFIC,
    question: '驾驶证到期了怎么换证？',
    answer:
      '驾驶证有效期满前 90 日内可申请换证，可通过“交管12123”App在线申请（需上传体检信息），或携带身份证、驾驶证和体检证明到车管所或交警服务站办理。体检可在指定医疗机构进行。驾照逾期未换证的，请尽快办理。',
    tags: ['驾照', '驾驶证', '换驾照', '到期'],
  },
  {
    key: 'traffic.annual-inspection',
    category: TRAFFIC,
    question: '私家车多久年检一次？',
    answer:
      '非营运小型、微型载客汽车按规定实行分年限免检，一定年限内可免上线检验、直接申领检验标志，超出年限的须定期上线检测，具体年限以公安交管部门现行规定为准。可通过“交管12123”App查询车辆检验有效期并预约检测。',
    tags: ['年检', '车检', '验车', '免检'],
  },
  {
    key: 'traffic.move-car',
    category: TRAFFIC,
    question: '车被别人堵住了怎么找人挪车？',
    answer:
      '可先查看对方车辆上的联系电话；联系不上的，可通过“交管12123”App的“一键挪车”功能，或拨打 122 请交警协助联系车主。小区内部车辆堵路可联系物业处理。',
    tags: ['挪车', '堵车', '被堵'],
  },
  {
    key: 'traffic.taxi-complaint',
    category: { area: ['交通运输'], sub: ['出租车管理'] },
    question: '出租车拒载、绕路怎么投诉？',
    answer:
      '请记下车牌号、乘车时间、上下车地点，保留发票或支付记录，拨打 12345 或出租车行业主管部门的投诉渠道反映，工单将派发交通运输部门调查处理。网约车问题也可先通过平台客服投诉。',
    tags: ['出租车', '拒载', '绕路', '网约车'],
  },
  // 教育
  {
    key: 'school.primary-enrol',
    category: SCHOOL,
    question: '孩子今年上小学，入学报名怎么办理？',
    answer:
      '小学一年级招生一般按学区划分、免试就近入学，报名时间通常在每年春夏之际，由教育部门发布当年招生公告。报名一般需要儿童户口簿、出生医学证明、房产或租住证明等，部分地区可网上报名。请关注教育主管部门发布的当年招生政策和学区划分。',
    tags: ['上小学', '入学', '报名', '一年级', '招生'],
  },
  {
    key: 'school.junior-enrol',
    category: SCHOOL,
    question: '小学毕业升初中是怎么分配学校的？',
    answer:
      '义务教育阶段实行免试就近入学，小学升初中一般按学区对口或电脑派位等方式确定学校，具体办法以教育主管部门当年的招生方案为准。家长可向就读小学或教育部门咨询学区对口关系。',
    tags: ['小升初', '初中', '派位', '学区'],
  },
  {
    key: 'school.migrant-children',
    category: SCHOOL,
    question: '外地户口的孩子能在本市上学吗？',
    answer:
      '符合条件的随迁子女可在居住地接受义务教育，一般需要提供父母的居住证、就业或经营证明、住所证明、儿童户口簿等材料，按教育部门的安排入学。具体条件和报名时间以当年招生政策为准。',
    tags: ['随迁子女', '外地孩子上学', '入学'],
  },
  {
    key: 'school.fees',
    category: SCHOOL,
    question: '学校乱收费向哪里反映？',
    answer:
      '义务教育阶段公办学校免收学费、杂费。对学校收费项目有疑问的，可向学校了解收费依据；认为属于违规收费的，可拨打 12345 或向教育主管部门反映，说明学校名称、收费项目和金额。',
    tags: ['乱收费', '教育收费', '补课费'],
  },
  // 民政、老年人、残疾人
  {
    key: 'elderly.preferential-card',
    category: ELDERLY,
    question: '老年优待证（老年证）怎么办理？',
    answer:
      '达到规定年龄的老年人，一般可持身份证、户口簿、近期照片到户籍地或居住地的社区、街道便民服务中心或民政部门申请办理，部分地区可线上申办。持证可享受乘车、游览等方面的优待，优待项目以本市公布的政策为准。',
    tags: ['老年证', '老年优待证', '老人乘车', '敬老'],
  },
  {
    key: 'elderly.allowance',
    category: ELDERLY,
    question: '高龄老人有补贴吗？怎么申请？',
    answer:
      '本市对达到一定年龄的高龄老人发放高龄津贴，一般由本人或家属持身份证、户口簿、银行卡等到户籍所在地社区或街道申请，审核通过后按月或按年发放。发放年龄段和标准以民政部门公布的政策为准。',
    tags: ['高龄津贴', '老人补贴', '高龄补贴'],
  },
  {
    key: 'disability.certificate',
    category: CIVIL,
    question: '残疾证怎么办理？',
    answer:
      '可通过全国残疾人证办理平台在线申请，或持身份证、户口簿、照片等到户籍地残联或街道申请，由指定医疗机构进行残疾评定，经审核后发放第二代残疾人证。目前已可跨省通办。' +
      CHECK_OFFICE,
    tags: ['残疾证', '残疾人证', '残疾评定', '残联'],
  },
  {
    key: 'disability.subsidies',
    category: CIVIL,
    question: '残疾人两项补贴是什么？怎么申请？',
    answer:
      '残疾人两项补贴指困难残疾人生活补贴和重度残疾人护理补贴。持有残疾人证并符合条件的，可向户籍所在地街道（乡镇）申请，也可通过政务服务平台线上申请。补贴标准和认定条件以民政、残联部门公布的政策为准。',
    tags: ['两项补贴', '护理补贴', '生活补贴', '残疾人'],
  },
  {
    key: 'civil.dibao',
    category: CIVIL,
    question: '家庭困难怎么申请低保？',
    answer:
      '家庭人均收入低于当地低保标准且家庭财产符合规定的，可由共同生活的家庭成员向户籍所在地街道（乡镇）提出申请，也可委托社区代为提出。经入户调查、信息核对、公示等程序后确定是否纳入。低保标准以民政部门公布为准。',
    tags: ['低保', '最低生活保障', '困难救助'],
  },
  {
    key: 'civil.marriage',
    category: { area: ['民政'], sub: ['婚姻殡葬', '社会服务'] },
    question: '结婚登记需要带什么？',
    answer:
      '男女双方须亲自到婚姻登记机关办理，一般携带本人身份证、户口簿（已实行“跨省通办”的地区可凭身份证办理）和近期双人合影照片，双方签署声明后当场发证。可通过婚姻登记预约平台预约。' +
      CHECK_OFFICE,
    tags: ['领证', '结婚证', '婚姻登记'],
  },
  // 市场主体
  {
    key: 'biz.individual-license',
    category: MARKET,
    question: '开个小店办个体工商户营业执照需要什么？',
    answer:
      '一般需要经营者身份证、经营场所使用证明（如租赁合同、产权证明），可通过本地政务服务网或市场监管部门的企业开办平台在线申请，也可到政务服务大厅窗口办理。涉及食品经营等许可事项的，还需另行申请相应许可证。',
    tags: ['营业执照', '个体户', '开店', '办执照'],
  },
  {
    key: 'biz.company-setup',
    category: MARKET,
    question: '注册一家公司要走哪些流程？',
    answer:
      '企业开办一般包括名称自主申报、设立登记、刻制公章、申领发票和税控设备、社保登记、银行开户预约等，多数地区已实现“一网通办”、一次提交。可通过企业开办平台在线办理或到政务服务大厅窗口咨询。' +
      CHECK_OFFICE,
    tags: ['注册公司', '企业开办', '公司设立'],
  },
  {
    key: 'biz.deregister',
    category: MARKET,
    question: '营业执照不用了怎么注销？',
    answer:
      '个体工商户和符合条件的企业可申请简易注销，一般需先结清税款、清缴社保等，再通过企业注销网上服务平台或登记窗口申请。简易注销需经一定期限的公示。未开展经营或无债权债务的办理更简便。具体条件以市场监管部门规定为准。',
    tags: ['注销执照', '简易注销', '个体户注销'],
  },
  {
    key: 'consumer.complaint',
    category: CONSUMER,
    question: '买到假冒伪劣商品怎么投诉？',
    answer:
      '可先与经营者协商，要求退换或赔偿；协商不成的，可通过全国12315平台（网站、App、小程序）或拨打 12315 投诉，也可通过 12345 反映。请保留购物凭证、商品实物、聊天记录等证据。',
    tags: ['消费维权', '假货', '退货', '12315'],
  },
  // 税务
  {
    key: 'tax.iit-annual',
    category: TAX,
    question: '个人所得税年度汇算怎么办理？',
    answer:
      '个人所得税综合所得年度汇算一般在次年 3 月 1 日至 6 月 30 日办理，可通过“个人所得税”App自行办理，也可由单位代办。App会预填收入和已缴税款，核对无误后提交即可，有应退税款的可申请退税。具体以税务部门公告为准，也可拨打 12366 咨询。',
    tags: ['个税', '退税', '汇算清缴', '个人所得税'],
  },
  {
    key: 'tax.special-deductions',
    category: TAX,
    question: '个税专项附加扣除有哪些？怎么填报？',
    answer:
      '专项附加扣除包括子女教育、继续教育、大病医疗、住房贷款利息、住房租金、赡养老人、3 岁以下婴幼儿照护等。可在“个人所得税”App中填报，选择由单位在预扣预缴时扣除或在年度汇算时扣除。扣除标准以现行政策为准。',
    tags: ['专项附加扣除', '个税', '子女教育扣除'],
  },
  {
    key: 'tax.invoice',
    category: TAX,
    question: '买东西商家不给开发票怎么办？',
    answer:
      '消费者有权要求经营者开具发票。商家拒绝开具的，可向税务部门举报，拨打 12366 或通过电子税务局反映，说明商家名称、地址、消费时间和金额。',
    tags: ['发票', '不开发票', '税务举报'],
  },
  // 其他常见咨询
  {
    key: 'legal.aid',
    category: GUIDE,
    question: '请不起律师可以申请法律援助吗？',
    answer:
      '经济困难或符合法定情形的公民，可以向法律援助机构申请法律援助，内容包括法律咨询、代理、刑事辩护等。可拨打公共法律服务热线 12348 咨询，或到公共法律服务中心（站）申请。申请条件以司法行政部门的规定为准。',
    tags: ['法律援助', '免费律师', '12348'],
  },
  {
    key: 'guide.hotline-scope',
    category: GUIDE,
    question: '12345 热线可以反映哪些问题？',
    answer:
      '12345 政务服务便民热线受理企业和群众的咨询、求助、投诉、举报和意见建议，涉及城市管理、社会保障、教育、医疗、住房、水电气暖等各类非紧急事项。遇到刑事治安案件、火灾、急救、交通事故等紧急情况，请直接拨打 110、119、120、122。',
    tags: ['12345', '热线', '受理范围'],
  },
  {
    key: 'jobs.training-subsidy',
    category: JOBS,
    question: '参加职业技能培训有补贴吗？',
    answer:
      '符合条件的劳动者参加职业技能培训并取得相应证书的，可按规定申请职业培训补贴。补贴对象、标准和申领方式以人社部门公布的政策为准，可到公共就业服务机构咨询或拨打 12333。',
    tags: ['技能培训', '培训补贴', '职业培训'],
  },
];

const SIGN_OFF = '感谢您对我们工作的支持！如有疑问，可再次拨打 12345 热线。\n{unitName}\n{date}';

export const DEMO_REPLY_TEMPLATES: readonly DemoReplyTemplate[] = [
  {
    key: 'general.resolved',
    category: null,
    name: '通用·已办结',
    body: `{citizenName}您好：\n您反映的问题（工单编号 {caseNumber}）已收悉。经{unitName}核查处理，该问题已解决。\n${SIGN_OFF}`,
  },
  {
    key: 'general.explained',
    category: null,
    name: '通用·解释说明',
    body: `{citizenName}您好：\n关于您反映的问题（工单编号 {caseNumber}），经核实，相关情况说明如下：（请填写核实情况及政策依据）。\n如您对答复有异议，可通过 12345 热线再次反映。\n${SIGN_OFF}`,
  },
  {
    key: 'general.in-progress',
    category: null,
    name: '通用·阶段性答复',
    body: `{citizenName}您好：\n您反映的问题（工单编号 {caseNumber}）我单位已受理，目前正在办理中。因（请填写原因），暂时无法办结，预计于（请填写日期）前办结，届时将再次答复您。\n${SIGN_OFF}`,
  },
  {
    key: 'general.not-our-duty',
    category: null,
    name: '通用·非本单位职责',
    body: `{citizenName}您好：\n经核实，您反映的问题（工单编号 {caseNumber}）不属于{unitName}职责范围，建议您向（请填写有关部门）反映，我们已将情况告知 12345 热线。\n${SIGN_OFF}`,
  },
  {
    key: 'general.unreachable',
    category: null,
    name: '通用·联系不上诉求人',
    body: `工单编号 {caseNumber}：\n承办单位于{date}多次按登记电话联系诉求人未果，已到现场核查，处理情况如下：（请填写）。`,
  },
  {
    key: 'heat.repaired',
    category: HEAT,
    name: '供热·已上门维修',
    body: `{citizenName}您好：\n您反映的{address}供暖温度不达标问题（工单编号 {caseNumber}），供热企业已于{date}上门排查，原因为（请填写），已处理完毕，复测室温（请填写）℃。如仍有不热情况，请及时反映。\n${SIGN_OFF}`,
  },
  {
    key: 'water.restored',
    category: WATER,
    name: '供水·已恢复供水',
    body: `{citizenName}您好：\n您反映的{address}停水问题（工单编号 {caseNumber}），原因为（请填写：管网维修/计划停水等），已于{date}恢复供水。给您带来的不便，敬请谅解。\n${SIGN_OFF}`,
  },
  {
    key: 'power.restored',
    category: POWER,
    name: '供电·已恢复供电',
    body: `{citizenName}您好：\n您反映的{address}停电问题（工单编号 {caseNumber}），经供电企业抢修，已于{date}恢复供电。停电原因为（请填写）。\n${SIGN_OFF}`,
  },
  {
    key: 'city.vendor-handled',
    category: CITY_MGMT,
    name: '城管·占道经营已整治',
    body: `{citizenName}您好：\n您反映的{address}占道经营问题（工单编号 {caseNumber}），{unitName}执法人员已于{date}到场处置，对经营者进行了劝导教育，现场已恢复通行。我们将加强该路段巡查，防止反弹。\n${SIGN_OFF}`,
  },
  {
    key: 'city.illegal-building',
    category: CITY_MGMT,
    name: '城管·违建已立案查处',
    body: `{citizenName}您好：\n您反映的{address}违法建设问题（工单编号 {caseNumber}），经现场核查，该建筑未取得规划许可，{unitName}已依法立案，并责令当事人限期自行拆除。后续将依法推进处理。\n${SIGN_OFF}`,
  },
  {
    key: 'housing.property-mediated',
    category: HOUSING,
    name: '物业·已协调',
    body: `{citizenName}您好：\n您反映的小区物业服务问题（工单编号 {caseNumber}），{unitName}已会同社区约谈物业服务企业，物业承诺于（请填写日期）前整改完毕。社区将跟踪整改情况。\n${SIGN_OFF}`,
  },
  {
    key: 'labour.wage-arrears',
    category: LABOUR,
    name: '劳动保障·欠薪处理',
    body: `{citizenName}您好：\n您反映的欠薪问题（工单编号 {caseNumber}），{unitName}已约谈用人单位，经调查核实（请填写核实情况）。如协商不成，您也可向劳动人事争议仲裁委员会申请仲裁。\n${SIGN_OFF}`,
  },
  {
    key: 'school.enrol-explained',
    category: SCHOOL,
    name: '教育·入学政策解释',
    body: `{citizenName}您好：\n关于您咨询的入学问题（工单编号 {caseNumber}），根据本年度义务教育招生工作方案，（请填写政策要点及办理方式）。具体以教育主管部门公布的招生政策为准。\n${SIGN_OFF}`,
  },
  {
    key: 'env.noise-handled',
    category: ENV,
    name: '环保·噪音已处置',
    body: `{citizenName}您好：\n您反映的{address}噪音扰民问题（工单编号 {caseNumber}），{unitName}已于{date}到现场核查，已责令相关单位（个人）停止违规行为并落实降噪措施。\n${SIGN_OFF}`,
  },
  {
    key: 'consumer.mediated',
    category: CONSUMER,
    name: '市场监管·消费纠纷已调解',
    body: `{citizenName}您好：\n您反映的消费纠纷（工单编号 {caseNumber}），经{unitName}调解，商家同意（请填写：退货/退款/赔偿）。如对处理结果有异议，您可依法通过其他途径解决。\n${SIGN_OFF}`,
  },
];
