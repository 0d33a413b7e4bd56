/** Chinese messages: the reference dictionary. Every other language must translate every key of it. */
export const zhCN = {
  'app.name': '善治',
  'app.fullName': '乌海市市域社会治理智能化综合平台',
  'lang.switchTo': 'English',
  'lang.switchLabel': '切换到英文界面',

  'login.heading': '工作人员登录',
  'login.username': '用户名',
  'login.usernamePlaceholder': '请输入用户名',
  'login.password': '密码',
  'login.passwordPlaceholder': '请输入密码',
  'login.submit': '登录',
  'login.submitting': '正在登录…',
  'login.expired': '登录已过期，请重新登录',
  'login.failed': '登录失败，请稍后重试',
  'login.browserHint': '建议使用最新版 Chrome、Edge 或 Firefox 浏览器访问',

  'error.network': '无法连接服务器，请检查网络或稍后重试',
  'error.badResponse': '服务器返回了无法识别的应答，请稍后重试',
  'error.retry': '重试',
  'error.pageFailed': '页面加载失败',
  'error.pageFailedHint': '系统可能刚刚更新，请刷新页面后重试。',
  'error.reload': '刷新页面',

  'shell.loading': '正在加载用户信息…',
  'shell.loadFailed': '无法加载用户信息',
  'shell.logout': '退出登录',
  'shell.logoutFailed': '退出失败，请稍后重试',
  'shell.openMenu': '打开菜单',
  'shell.mainMenu': '主菜单',

  'menu.home': '首页',
  'menu.group.reference': '基础数据',
  'menu.group.admin': '系统管理',
  'menu.orgs': '组织机构',
  'menu.users': '用户管理',
  'menu.catalog': '事项目录',
  'menu.calendar': '工作日历',

  'home.welcome': '欢迎，{name}',
  'home.intro': '您已登录乌海市市域社会治理智能化综合平台。',
  'home.account': '账号',
  'home.org': '所属组织',
  'home.orgKind': '组织类型',
  'home.orgCode': '组织编码',
  'home.roles': '角色',
  'home.permissions': '权限',
  'home.noRoles': '未分配角色',
  'home.noPermissions': '暂无权限',

  'wip.title': '建设中',
  'wip.description': '「{name}」功能正在建设中，敬请期待。',
  'forbidden.title': '无权访问',
  'forbidden.description': '您没有访问该页面的权限，如有需要请联系系统管理员。',
  'notFound.title': '页面不存在',
  'notFound.description': '您访问的页面不存在或已被移除。',
  'notFound.back': '返回首页',

  'portal.heading': '群众服务门户',
  'portal.badge': '即将上线',
  'portal.description': '在线反映诉求、查询办理进度、评价办理结果等服务正在建设中，敬请期待。',
  'portal.hotline': '如需帮助，请拨打 12345 政务服务便民热线。',
  'portal.call': '拨打 12345',
} as const;

/** A key of the message dictionary. */
export type MessageKey = keyof typeof zhCN;
