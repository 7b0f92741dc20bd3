import type { Feature } from '../feature'

/** 电子监察: the supervision dashboard and its big-screen mode for the hall. */
const supervision: Feature = {
  routes: [
    {
      path: '/supervision',
      name: 'supervision',
      component: () => import('./SupervisionDashboard.vue'),
      meta: { roles: ['SUPERVISOR', 'ADMIN', 'WINDOW'] },
    },
    {
      path: '/supervision/big-screen',
      name: 'supervision-big-screen',
      component: () => import('./BigScreen.vue'),
      meta: { roles: ['SUPERVISOR', 'ADMIN', 'WINDOW'], bare: true },
    },
  ],
  // window staff read their own center's figures and cards (the API's rule); accountability records are supervisors'
  menu: [{ path: '/supervision', label: 'supervision.menu', roles: ['SUPERVISOR', 'ADMIN', 'WINDOW'], order: 40 }],
  messages: {
    'zh-CN': {
      supervision: {
        menu: '电子监察', title: '电子监察', bigTitle: '政务服务电子监察',
        center: '服务中心', periodKind: '统计周期', month: '按月', quarter: '按季', custom: '自定义',
        pickMonth: '月份', pickYear: '年份', pickQuarter: '季度', pickRange: '起止日期', q: '第{n}季度',
        from: '开始日期', to: '结束日期', groupBy: '分组', ITEM: '按事项', DEPARTMENT: '按部门', SERVICE_POINT: '按服务点',
        exportCsv: '导出 CSV', exportXlsx: '导出 Excel', bigScreen: '大屏模式', refresh: '刷新',
        invalidPeriod: '统计期间应为一年以内且起止有序', total: '合计', group: '分组',
        kpi: {
          received: '收件数', immediateShare: '即办率', onTimeRate: '按时办结率', earlyRate: '提前办结率',
          satisfactionRate: '满意率', overdue: '超期件数', openRectifications: '整改中',
          actualDays: '平均实际天数', promisedDays: '平均承诺天数', legalDays: '平均法定天数',
        },
        col: {
          received: '收件', accepted: '受理', immediateShare: '即办率', finished: '办结', onTimeRate: '按时办结率',
          earlyRate: '提前办结率', overdue: '超期', averageActualDays: '平均实际天数', averagePromisedDays: '平均承诺天数',
          averageLegalDays: '平均法定天数', rated: '评价数', satisfactionRate: '满意率', openRectifications: '整改中',
        },
        chart: {
          trend: '月度趋势', ranking: '部门按时办结率排名', rankingOf: '按时办结率排名（{g}）', status: '办件状态占比',
          onTime: '按时办结', late: '超期办结', inProgress: '办理中', notAccepted: '未受理', empty: '本期暂无数据',
        },
        lists: {
          warning: '黄牌预警', overdue: '红牌超期', accountability: '问责记录', caseId: '办件编号', item: '事项',
          status: '状态', due: '办结时限', late: '超时（工作时间）', subject: '对象', department: '部门', staff: '责任人',
          detected: '发现时间', CASE: '办件', TASK: '部门任务 {d}', none: '暂无', count: '{n} 件',
        },
        updated: '数据更新于 {time}', refreshFailed: '刷新失败，显示上次数据', loadFailed: '加载失败',
        exported: '已导出 {name}',
        queue: {
          title: '排队', wait: '平均等候', service: '平均办理', abandonment: '弃号率', tickets: '取号',
          served: '已办结 {n} 个', minutes: '{v} 分钟', throughput: '各窗口办结量', window: '窗口', count: '办结',
          avgService: '平均办理（分钟）', none: '本期无取号', tooLong: '排队数据按季度以内的期间统计',
          note: '等候：取号至首次叫号；办理：开始至办结；弃号：过号作废或当日未办理',
        },
      },
    },
    en: {
      supervision: {
        menu: 'Supervision', title: 'Supervision', bigTitle: 'Government service supervision',
        center: 'Service center', periodKind: 'Period', month: 'Month', quarter: 'Quarter', custom: 'Custom',
        pickMonth: 'Month', pickYear: 'Year', pickQuarter: 'Quarter', pickRange: 'Dates', q: 'Q{n}',
        from: 'From', to: 'To', groupBy: 'Group by', ITEM: 'Item', DEPARTMENT: 'Department', SERVICE_POINT: 'Service point',
        exportCsv: 'Export CSV', exportXlsx: 'Export Excel', bigScreen: 'Big screen', refresh: 'Refresh',
        invalidPeriod: 'The period must be ordered and at most one year long', total: 'Total', group: 'Group',
        kpi: {
          received: 'Received', immediateShare: 'Immediate share', onTimeRate: 'On-time rate', earlyRate: 'Early rate',
          satisfactionRate: 'Satisfaction', overdue: 'Overdue', openRectifications: 'Open rectifications',
          actualDays: 'Avg actual days', promisedDays: 'Avg promised days', legalDays: 'Avg legal days',
        },
        col: {
          received: 'Received', accepted: 'Accepted', immediateShare: 'Immediate', finished: 'Finished',
          onTimeRate: 'On time', earlyRate: 'Early', overdue: 'Overdue', averageActualDays: 'Avg actual days',
          averagePromisedDays: 'Avg promised days', averageLegalDays: 'Avg legal days', rated: 'Ratings',
          satisfactionRate: 'Satisfaction', openRectifications: 'Open rectifications',
        },
        chart: {
          trend: 'Monthly trend', ranking: 'On-time rate by department', rankingOf: 'On-time rate ({g})',
          status: 'Case status share', onTime: 'Finished on time', late: 'Finished late', inProgress: 'In progress',
          notAccepted: 'Not accepted', empty: 'No data in this period',
        },
        lists: {
          warning: 'Warnings (yellow)', overdue: 'Overdue (red)', accountability: 'Accountability', caseId: 'Case',
          item: 'Item', status: 'Status', due: 'Due', late: 'Late (working time)', subject: 'Subject',
          department: 'Department', staff: 'Responsible', detected: 'Found at', CASE: 'Case', TASK: 'Task {d}',
          none: 'None', count: '{n} cases',
        },
        updated: 'Data as of {time}', refreshFailed: 'Refresh failed; showing the last figures', loadFailed: 'Loading failed',
        exported: 'Exported {name}',
        queue: {
          title: 'Queue', wait: 'Avg wait', service: 'Avg service', abandonment: 'Abandonment', tickets: 'Tickets',
          served: '{n} served', minutes: '{v} min', throughput: 'Served per window', window: 'Window', count: 'Served',
          avgService: 'Avg service (min)', none: 'No tickets in this period',
          tooLong: 'Queue figures cover periods of up to a quarter',
          note: 'Wait: ticket to first call; service: start to finish; abandoned: dropped or not served that day',
        },
      },
    },
  },
}

export default supervision
