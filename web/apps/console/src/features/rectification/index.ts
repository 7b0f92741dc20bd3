import type { Feature } from '../feature'

/** 整改工作台: the rectifications bad ratings opened — judge, call back, extend, fix — for departments and supervisors. */
const feature: Feature = {
  routes: [
    { path: '/rectifications', name: 'rectifications', component: () => import('./RectificationList.vue'),
      meta: { roles: ['DEPARTMENT', 'SUPERVISOR', 'ADMIN'] } },
    { path: '/rectifications/:id', name: 'rectification', component: () => import('./RectificationPage.vue'),
      meta: { roles: ['DEPARTMENT', 'SUPERVISOR', 'ADMIN'] } },
  ],
  menu: [{ path: '/rectifications', label: 'rect.menu', roles: ['DEPARTMENT', 'SUPERVISOR', 'ADMIN'], order: 40 }],
  messages: {
    'zh-CN': {
      rect: {
        menu: '差评整改', title: '差评整改', scope: '范围', scopeId: '范围编码', status: '状态', open: '办理中', closed: '已结束',
        scopes: { department: '部门', center: '服务中心', servicePoint: '服务点' },
        statuses: { AWAITING_JUDGEMENT: '待研判', IN_RECTIFICATION: '整改中', DISMISSED: '不属实', FIXED: '已整改' },
        levels: { VERY_SATISFIED: '非常满意', SATISFIED: '满意', BASIC: '基本满意', DISSATISFIED: '不满意', VERY_DISSATISFIED: '非常不满意' },
        id: '整改编号', caseId: '办件编号', level: '评价', department: '被评价部门', openedAt: '发起时间',
        callbackDue: '回访时限', fixDue: '整改时限', overdue: '已超期', callbackOverdue: '回访超期', view: '查看',
        load: '查询',
        detail: {
          title: '整改详情', judgement: '研判', valid: '属实', invalid: '不属实', reason: '理由', judgedBy: '研判人',
          callback: '回访', callbackNote: '回访记录', calledBackAt: '回访时间', extension: '延长整改期限', days: '延长工作日数',
          extensionReason: '延期理由', extended: '已延期 {days} 个工作日：{reason}', fix: '整改完成', fixNote: '整改情况',
          fixedAt: '整改完成时间', history: '处理记录', rerating: '重新评价', noRerating: '申请人尚未重新评价',
          readOnly: '当前账号只能查看', actions: '可办理操作', none: '当前状态无可办理操作', done: '已保存',
          events: { OPENED: '差评发起', JUDGED_VALID: '研判属实', JUDGED_INVALID: '研判不属实', CALLED_BACK: '已回访',
            EXTENDED: '延期', FIXED: '整改完成', FIX_WARNING: '整改预警', FIX_OVERDUE: '整改超期', CALLBACK_OVERDUE: '回访超期' },
          comment: '评价意见', ratedAt: '评价时间',
        },
      },
    },
    en: {
      rect: {
        menu: 'Rectifications', title: 'Rectifications of bad ratings', scope: 'Scope', scopeId: 'Scope code', status: 'Status',
        open: 'Open', closed: 'Closed',
        scopes: { department: 'Department', center: 'Service center', servicePoint: 'Service point' },
        statuses: { AWAITING_JUDGEMENT: 'To judge', IN_RECTIFICATION: 'In rectification', DISMISSED: 'Not valid', FIXED: 'Fixed' },
        levels: { VERY_SATISFIED: 'Very satisfied', SATISFIED: 'Satisfied', BASIC: 'Fair', DISSATISFIED: 'Dissatisfied', VERY_DISSATISFIED: 'Very dissatisfied' },
        id: 'Rectification', caseId: 'Case', level: 'Rating', department: 'Rated department', openedAt: 'Opened',
        callbackDue: 'Call-back due', fixDue: 'Fix due', overdue: 'Overdue', callbackOverdue: 'Call-back late', view: 'View',
        load: 'Search',
        detail: {
          title: 'Rectification', judgement: 'Judgement', valid: 'Valid', invalid: 'Not valid', reason: 'Reason', judgedBy: 'Judged by',
          callback: 'Call-back', callbackNote: 'Call-back note', calledBackAt: 'Called back', extension: 'Extend the fix deadline',
          days: 'Working days', extensionReason: 'Reason', extended: 'Extended by {days} working days: {reason}', fix: 'Fix done',
          fixNote: 'What was fixed', fixedAt: 'Fixed', history: 'History', rerating: 'Re-rating', noRerating: 'Not re-rated yet',
          readOnly: 'This account can only read', actions: 'Actions', none: 'No action in this state', done: 'Saved',
          events: { OPENED: 'Opened', JUDGED_VALID: 'Judged valid', JUDGED_INVALID: 'Judged not valid', CALLED_BACK: 'Called back',
            EXTENDED: 'Extended', FIXED: 'Fixed', FIX_WARNING: 'Fix warning', FIX_OVERDUE: 'Fix overdue', CALLBACK_OVERDUE: 'Call-back late' },
          comment: 'Comment', ratedAt: 'Rated',
        },
      },
    },
  },
}

export default feature
