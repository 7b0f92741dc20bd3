/** Messages shared by every console screen. Feature messages live with their feature. */
export const common = {
  'zh-CN': {
    app: { title: '一窗通办工作台', subtitle: '综合受理 · 并联审批 · 电子监察' },
    nav: { home: '首页', signOut: '退出登录', language: 'English', menu: '菜单' },
    roles: {
      WINDOW: '综合窗口', DEPARTMENT: '审批部门', AGENT: '代办员', STAFF: '中心工作人员',
      SUPERVISOR: '电子监察', TERMINAL: '评价终端', ADMIN: '系统管理员', SYSTEM: '系统',
    },
    signIn: {
      title: '工作人员登录', username: '用户名', password: '密码', submit: '登录',
      usernameRequired: '请输入用户名', passwordRequired: '请输入密码',
      hint: '连续5次密码错误将锁定账号15分钟。',
    },
    home: {
      welcome: '您好，{name}', scope: '权限范围', center: '服务中心', city: '城市', point: '服务点', department: '部门',
      start: '常用功能', expires: '本次登录有效至 {time}',
    },
    common: {
      loading: '加载中…', retry: '重试', cancel: '取消', confirm: '确定', save: '保存', search: '搜索', more: '加载更多',
      empty: '暂无数据', actions: '操作', status: '状态', back: '返回', close: '关闭', print: '打印', export: '导出',
      noAccess: '当前账号无权使用此功能', notFound: '页面不存在',
    },
  },
  en: {
    app: { title: 'One-window console', subtitle: 'Intake · parallel approval · supervision' },
    nav: { home: 'Home', signOut: 'Sign out', language: '中文', menu: 'Menu' },
    roles: {
      WINDOW: 'Window clerk', DEPARTMENT: 'Department', AGENT: 'Village agent', STAFF: 'Center staff',
      SUPERVISOR: 'Supervisor', TERMINAL: 'Rating device', ADMIN: 'Administrator', SYSTEM: 'System',
    },
    signIn: {
      title: 'Staff sign-in', username: 'User name', password: 'Password', submit: 'Sign in',
      usernameRequired: 'Enter your user name', passwordRequired: 'Enter your password',
      hint: 'Five wrong passwords in a row lock the account for 15 minutes.',
    },
    home: {
      welcome: 'Hello, {name}', scope: 'Scope', center: 'Service center', city: 'City', point: 'Service point',
      department: 'Department', start: 'Start here', expires: 'Signed in until {time}',
    },
    common: {
      loading: 'Loading…', retry: 'Retry', cancel: 'Cancel', confirm: 'OK', save: 'Save', search: 'Search', more: 'Load more',
      empty: 'Nothing here', actions: 'Actions', status: 'Status', back: 'Back', close: 'Close', print: 'Print', export: 'Export',
      noAccess: 'This account cannot use this screen', notFound: 'Page not found',
    },
  },
}
