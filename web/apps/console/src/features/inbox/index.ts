import type { Feature } from '../feature'

/** 部门待办: a department's pending tasks of joint and escalated cases, a task with its case, the decision. */
const feature: Feature = {
  routes: [
    { path: '/inbox', name: 'inbox', component: () => import('./Inbox.vue'), meta: { roles: ['DEPARTMENT'] } },
    { path: '/inbox/:taskId', name: 'inbox-task', component: () => import('./TaskPage.vue'), meta: { roles: ['DEPARTMENT'] } },
  ],
  menu: [{ path: '/inbox', label: 'inbox.menu', roles: ['DEPARTMENT'], order: 20 }],
  messages: {
    'zh-CN': {
      inbox: {
        menu: '部门待办', title: '部门待办', department: '部门', caseId: '办件编号', item: '事项', level: '类型',
        due: '办理时限', countdown: '剩余', open: '办理', status: '状态', received: '收到时间',
        left: '剩{days}天{hours}小时', late: '超期{days}天{hours}小时', noDue: '未定',
        levels: { JOINT: '并联审批', LOCAL: '本级审查', HIGHER: '上级审批' },
        statuses: { CREATED: '待送达', PENDING: '待办理', AWAITING_SUPPLEMENT: '待补正', APPROVED: '已同意', DENIED: '不同意' },
        urgency: { overdue: '超期', red: '红牌', yellow: '黄牌', green: '绿牌', none: '—' },
        noDepartment: '当前账号未绑定部门',
        task: {
          title: '待办详情', caseSection: '办件信息', applicant: '申请人', mode: '办件类型', accepted: '受理时间',
          caseDue: '办件时限', materials: '申请材料', material: '材料', copies: '份数', outstanding: '容缺待补',
          progress: '并联部门办理进度', decision: '审批意见', outcome: '结论', reasons: '理由（每行一条）',
          missing: '需补正的材料', otherMissing: '其他材料编码（逗号分隔）', submit: '提交审批意见', decided: '已提交审批意见',
          outcomes: { APPROVE: '同意', DENY: '不同意', REQUEST_SUPPLEMENT: '要求补正' },
          states: { WAITING: '未送达', DELIVERED: '办理中', APPROVE: '同意', DENY: '不同意', REQUEST_SUPPLEMENT: '要求补正' },
          reasonsRequired: '不同意时请填写理由', missingRequired: '请选择需补正的材料', confirm: '确认提交“{outcome}”？',
          thisDept: '本部门', decidedAt: '决定时间', existing: '本部门意见',
        },
      },
    },
    en: {
      inbox: {
        menu: 'Department inbox', title: 'Department inbox', department: 'Department', caseId: 'Case', item: 'Item',
        level: 'Kind', due: 'Due', countdown: 'Left', open: 'Open', status: 'Status', received: 'Received',
        left: '{days} d {hours} h left', late: '{days} d {hours} h late', noDue: 'not set',
        levels: { JOINT: 'Joint approval', LOCAL: 'Local review', HIGHER: 'Higher authority' },
        statuses: { CREATED: 'On its way', PENDING: 'Pending', AWAITING_SUPPLEMENT: 'Awaiting materials', APPROVED: 'Approved', DENIED: 'Denied' },
        urgency: { overdue: 'Overdue', red: 'Red', yellow: 'Yellow', green: 'Green', none: '—' },
        noDepartment: 'This account has no department',
        task: {
          title: 'Task', caseSection: 'Case', applicant: 'Applicant', mode: 'Handling', accepted: 'Accepted',
          caseDue: 'Case due', materials: 'Materials', material: 'Material', copies: 'Copies', outstanding: 'Tolerated, still due',
          progress: 'Joint departments', decision: 'Decision', outcome: 'Outcome', reasons: 'Reasons (one a line)',
          missing: 'Materials to supply', otherMissing: 'Other material codes (comma separated)', submit: 'Submit decision',
          decided: 'Decision submitted',
          outcomes: { APPROVE: 'Approve', DENY: 'Deny', REQUEST_SUPPLEMENT: 'Request materials' },
          states: { WAITING: 'Not delivered', DELIVERED: 'In progress', APPROVE: 'Approved', DENY: 'Denied', REQUEST_SUPPLEMENT: 'Asked for materials' },
          reasonsRequired: 'Give the reasons for a denial', missingRequired: 'Choose the missing materials', confirm: 'Submit “{outcome}”?',
          thisDept: 'this department', decidedAt: 'Decided', existing: 'This department decided',
        },
      },
    },
  },
}

export default feature
