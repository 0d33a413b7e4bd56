import type { TrainingExample } from './train.js';

/** A tiny hand-written three-category corpus for tests, in both raw and pre-segmented form. */
export const TINY_CORPUS: TrainingExample[] = [
  { label: '城乡建设', text: '小区门口的路灯坏了好几个月，晚上出行很不安全，请尽快维修。' },
  { label: '城乡建设', text: '我们小区楼顶水箱长年不清洗，自来水有霉味，请物业处理。' },
  { label: '城乡建设', text: '幸福路人行道被施工围挡占用，道路坑洼不平，行人只能走机动车道。' },
  { label: '城乡建设', text: '物业公司 违规 收取 停车费 小区 业主 强烈 不满 请求 住建 部门 查处' },
  { label: '城乡建设', text: '老旧 小区 改造 工程 拖延 一年 道路 破损 下水道 堵塞 无人 维修' },
  { label: '城乡建设', text: '安置房项目迟迟不能交房，房屋质量存在问题，墙体开裂。' },
  { label: '教育文体', text: '孩子所在的小学强制学生购买教辅资料，老师还在校外办补习班。' },
  { label: '教育文体', text: '中学 教师 有偿 补课 学生 家长 负担 重 请 教育局 调查' },
  { label: '教育文体', text: '幼儿园收费过高，学费一学期涨了两千元，家长无法承受。' },
  { label: '教育文体', text: '学校 食堂 饭菜 质量 差 学生 吃不饱 校长 不管' },
  { label: '教育文体', text: '高考报名需要学籍证明，教育部门办理手续太繁琐。' },
  { label: '教育文体', text: '体育馆 长期 关闭 市民 无法 锻炼 图书馆 开放 时间 太短' },
  { label: '卫生计生', text: '医院急诊科医生态度恶劣，病人等了三个小时没有人看病。' },
  { label: '卫生计生', text: '社区 卫生院 药品 价格 高 医保 不能 报销 看病 难' },
  { label: '卫生计生', text: '二胎生育证办理要求太多证明，计生办工作人员推诿。' },
  { label: '卫生计生', text: '医院 护士 打针 出错 患者 家属 投诉 医疗 事故' },
  { label: '卫生计生', text: '妇幼保健院产检排队时间太长，孕妇身体吃不消。' },
  { label: '卫生计生', text: '诊所 无证 行医 乱开 处方 药 卫健委 应该 取缔' },
];

/** Unseen messages of the same three categories, with their true labels. */
export const TINY_UNSEEN: TrainingExample[] = [
  { label: '城乡建设', text: '我家小区的路灯一直不亮，物业也不来维修。' },
  { label: '教育文体', text: '学校 老师 要求 学生 参加 收费 补习班' },
  { label: '卫生计生', text: '这家医院的医生看病敷衍，患者投诉无门。' },
];
