/**
 * Chinese messages for schema violations (issue 15 point 3): what the user reads names the field by
 * its label (新密码, 截止日期), never by its key (newPassword), and says what is wrong in plain words
 * ("新密码不能超过 256 个字符", "截止日期格式应为 YYYY-MM-DD", "标题为必填项").
 *
 * - `issuePredicate` is the label-free part ("不能超过 256 个字符"); app.ts installs it as Zod's
 *   locale (`z.config`), so every default message is one of these.
 * - `formatValidationIssues` turns the issues of a rejected request into messages with labels. A
 *   message that is not the default predicate was written by the contract's author (e.g. '请填写理由')
 *   and is kept when it is Chinese.
 * - Labels come from the schema's `.describe()` text when it reads as a label (a short Chinese
 *   phrase; the part before a bracket or colon), else from `FIELD_LABELS`, else a neutral word. The
 *   raw key is never shown; it stays, machine-readable, in each issue's `field` and `path`.
 * - Each issue also carries English (`labelEn`, `predicateEn`, `messageEn`) for the English UI:
 *   the label is the key in words (newPassword → "New password"), the predicate Zod's facts in
 *   English; the web shows the predicate under the field it names (whose English label is right
 *   above it), the whole sentence elsewhere. Chinese stays the default (`label`, `message`).
 */

/** What a Zod issue says, as far as the message needs it (a finalised issue or a raw one). */
export interface IssueFacts {
  code: string;
  origin?: unknown;
  expected?: unknown;
  format?: unknown;
  maximum?: unknown;
  minimum?: unknown;
  inclusive?: unknown;
  divisor?: unknown;
  values?: unknown;
  prefix?: unknown;
  suffix?: unknown;
  includes?: unknown;
}

/** One issue of a schema violation as the client receives it (`details.issues`). */
export interface ValidationIssue {
  /** The field's path joined with dots (`decidedItems.0.deadline`), '' for the whole part */
  field: string;
  /** The same path as a list (for a form's field name) */
  path: (string | number)[];
  /** The field's Chinese label */
  label: string;
  /** The Zod issue code (`too_big`, `invalid_type` …) */
  code: string;
  /** The Chinese message naming the label */
  message: string;
  /** The field's name in English words (for the English UI) */
  labelEn: string;
  /** What is wrong, in English, without the label ("must not exceed 256 characters") */
  predicateEn: string;
  /** The English sentence naming the field ("New password must not exceed 256 characters") */
  messageEn: string;
}

/** Labels of the request fields by key, where the schema gives none. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  absoluteHours: '会话最长有效期',
  action: '操作',
  actorId: '操作人',
  adminLimit: '管理员会话数上限',
  agendaItemId: '议题',
  aliases: '别名',
  allowed: '允许外发的目标',
  approve: '审批意见',
  articles: '文章',
  at: '时间',
  attachmentId: '附件',
  attachments: '附件',
  bannedWords: '禁用词',
  base64: '文件内容',
  blockCommon: '拒绝常用密码',
  body: '请求内容',
  bodyId: '议事协调机构',
  categories: '类别',
  category: '类别',
  circularId: '通报',
  code: '代码',
  comment: '意见',
  content: '内容',
  contentBase64: '文件内容',
  contentType: '内容类型',
  convenerAfterDays: '报召集人的逾期天数',
  copyTo: '抄送',
  corrections: '更正',
  currentPassword: '当前密码',
  cursor: '翻页位置',
  date: '日期',
  days: '天数',
  deadline: '截止日期',
  decidedItems: '议定事项',
  decision: '处理意见',
  decisionId: '议定事项',
  deliveryId: '投递记录',
  description: '说明',
  displayName: '姓名',
  documentId: '文件',
  effectiveDate: '生效日期',
  email: '电子邮箱',
  enabled: '启用',
  endsAt: '结束时间',
  entityId: '对象',
  entityType: '对象类型',
  entries: '条目',
  extensionRequestId: '延期申请',
  feedFile: '文件',
  fileName: '文件名',
  flags: '标记',
  format: '格式',
  frequencyWarningDays: '会议频次提醒天数',
  from: '开始日期',
  fromGroup: '原工作组',
  groupId: '工作组',
  historyCount: '不得重复使用的密码个数',
  id: '编号',
  idleMinutes: '空闲超时',
  ids: '消息',
  instruction: '批办意见',
  inviteeId: '参会人',
  issue: '期数',
  issueDate: '成文日期',
  issuedInNameOf: '发文名义',
  itemId: '事项',
  kind: '类型',
  kindName: '类型名称',
  lead: '牵头单位',
  leadUnitId: '牵头单位',
  leadUnitIds: '牵头单位',
  leaders: '领导',
  leaveReason: '请假事由',
  level: '层级',
  limit: '每页条数',
  location: '地点',
  lockout: '登录失败锁定',
  materialId: '会议材料',
  maxAgeDays: '密码有效天数',
  mediaType: '文件类型',
  meetingId: '会议',
  memberAfterDays: '报成员的逾期天数',
  memberUnitIds: '成员单位',
  memberUnits: '成员单位',
  membershipId: '成员任职',
  minClasses: '字符类别数',
  minLength: '密码最短长度',
  minUnpredictable: '不可猜测的字符数',
  minutes: '时长（分钟）',
  minutesId: '会议纪要',
  name: '名称',
  newPassword: '新密码',
  noFormalDocuments: '不正式行文',
  noSeal: '不刻制印章',
  notRegisteredBody: '不纳入议事协调机构管理',
  note: '备注',
  offerId: '提议',
  offers: '提议',
  on: '日期',
  open: '未确认',
  opinion: '意见',
  order: '顺序',
  overdue: '逾期',
  password: '密码',
  passwordPolicy: '密码策略',
  period: '报送期',
  periodMonths: '周期（月）',
  personId: '人员',
  personName: '姓名',
  phone: '电话',
  position: '职务',
  preMeetingOf: '会前会所属会议',
  prefix: '前缀',
  proceedings: '会议情况',
  proposalId: '议题',
  q: '搜索内容',
  quotaCount: '数量',
  reason: '理由',
  receivedOn: '收文日期',
  recipientRoles: '接收角色',
  recipientUnitIds: '接收单位',
  region: '地区',
  regionCode: '地区代码',
  register: '文号登记簿',
  reminderDaysBefore: '提前提醒的工作日数',
  remove: '移除',
  reportIds: '信息',
  reportTo: '报',
  reporter: '报送方',
  requestedDeadline: '申请的期限',
  result: '结果',
  role: '角色',
  roleKind: '角色',
  rotateSecret: '重新生成密钥',
  routing: '办理方式',
  scope: '范围',
  search: '搜索内容',
  secondFactor: '动态口令要求',
  sendingNumber: '来文字号',
  sendingUnit: '来文单位',
  series: '简报名称',
  session: '会话',
  sessions: '会话',
  sort: '排序',
  start: '开始',
  startsAt: '开始时间',
  status: '状态',
  substituteName: '代为出席人',
  substitutePosition: '代为出席人职务',
  successorBodyId: '承接机构',
  successorUnitId: '承接单位',
  sunsetDate: '撤销日期',
  systemRoles: '系统角色',
  targetName: '名称',
  taskId: '任务',
  text: '正文',
  threshold: '锁定前允许失败次数',
  title: '标题',
  to: '截止日期',
  toMembershipId: '目标成员任职',
  today: '日期',
  unitId: '单位',
  unread: '未读',
  userLimit: '普通账号会话数上限',
  username: '用户名',
  validFrom: '生效日期',
  validTo: '失效日期',
  version: '版本',
  webhookEnabled: '启用 Webhook',
  webhookUrl: 'Webhook 地址',
  workingDays: '工作日数',
  year: '年度',
};

/** The whole part of a request, when an issue is about all of it. */
const PART_LABELS: Readonly<Record<string, string>> = {
  body: '请求内容',
  querystring: '查询条件',
  params: '地址',
  headers: '请求头',
};

/** A neutral word for a field that has no label anywhere (never the key itself). */
const UNKNOWN_LABEL = '此项';

const CJK = /[\u3400-\u9fff]/u;

function numberText(value: unknown): string {
  return typeof value === 'number' || typeof value === 'bigint' ? value.toString() : String(value);
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: '应为文字',
  number: '应为数字',
  int: '应为整数',
  bigint: '应为整数',
  boolean: '应为“是”或“否”',
  array: '应为列表',
  date: '应为日期',
};

const FORMAT_WORDS: Readonly<Record<string, string>> = {
  date: '格式应为 YYYY-MM-DD',
  datetime: '格式应为日期时间（如 2026-03-01T09:00:00Z）',
  time: '格式应为 HH:mm',
  email: '不是有效的电子邮箱地址',
  url: '不是有效的网址',
  uuid: '不是有效的编号',
  guid: '不是有效的编号',
  ipv4: '不是有效的 IPv4 地址',
  ipv6: '不是有效的 IPv6 地址',
  cidrv4: '不是有效的 IPv4 网段',
  cidrv6: '不是有效的 IPv6 网段',
  base64: '不是有效的 Base64 内容',
};

/**
 * The label-free Chinese predicate of an issue ("不能超过 100 个字符"): written after a label. Reads
 * only what a finalised issue keeps (not the input), so it can be computed again from the issue.
 */
export function issuePredicate(issue: IssueFacts): string {
  const inclusive = issue.inclusive !== false;
  switch (issue.code) {
    case 'invalid_type':
      return TYPE_WORDS[String(issue.expected)] ?? '格式不正确';
    case 'too_big': {
      const max = numberText(issue.maximum);
      if (issue.origin === 'string') return inclusive ? `不能超过 ${max} 个字符` : `应少于 ${max} 个字符`;
      if (issue.origin === 'array' || issue.origin === 'set') return inclusive ? `最多 ${max} 项` : `应少于 ${max} 项`;
      if (issue.origin === 'file') return `不能超过 ${max} 字节`;
      if (issue.origin === 'date') return '日期太晚';
      return inclusive ? `不能大于 ${max}` : `应小于 ${max}`;
    }
    case 'too_small': {
      const min = numberText(issue.minimum);
      if (issue.origin === 'string') return min === '1' && inclusive ? '不能为空' : inclusive ? `至少 ${min} 个字符` : `应多于 ${min} 个字符`;
      if (issue.origin === 'array' || issue.origin === 'set') return min === '1' && inclusive ? '至少选择一项' : `至少 ${min} 项`;
      if (issue.origin === 'date') return '日期太早';
      return inclusive ? `不能小于 ${min}` : `应大于 ${min}`;
    }
    case 'invalid_format': {
      if (issue.format === 'starts_with') return `应以“${String(issue.prefix)}”开头`;
      if (issue.format === 'ends_with') return `应以“${String(issue.suffix)}”结尾`;
      if (issue.format === 'includes') return `应包含“${String(issue.includes)}”`;
      return FORMAT_WORDS[String(issue.format)] ?? '格式不正确';
    }
    case 'not_multiple_of':
      return `应为 ${numberText(issue.divisor)} 的倍数`;
    case 'invalid_value':
      return Array.isArray(issue.values) && issue.values.length > 1 ? '不是可选的值' : '取值不正确';
    case 'unrecognized_keys':
      return '包含不支持的项';
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return '格式不正确';
    default:
      return '不符合要求';
  }
}

const ENGLISH_TYPES: Readonly<Record<string, string>> = {
  string: 'must be text',
  number: 'must be a number',
  int: 'must be a whole number',
  bigint: 'must be a whole number',
  boolean: 'must be yes or no',
  array: 'must be a list',
  date: 'must be a date',
};

const ENGLISH_FORMATS: Readonly<Record<string, string>> = {
  date: 'must be a date as YYYY-MM-DD',
  datetime: 'must be a date and time (e.g. 2026-03-01T09:00:00Z)',
  time: 'must be a time as HH:mm',
  email: 'is not a valid e-mail address',
  url: 'is not a valid web address',
  uuid: 'is not a valid identifier',
  guid: 'is not a valid identifier',
  ipv4: 'is not a valid IPv4 address',
  ipv6: 'is not a valid IPv6 address',
  cidrv4: 'is not a valid IPv4 network',
  cidrv6: 'is not a valid IPv6 network',
  base64: 'is not valid Base64 content',
};

/** The label-free English predicate of an issue (the English of `issuePredicate`). */
export function issuePredicateEn(issue: IssueFacts): string {
  const inclusive = issue.inclusive !== false;
  switch (issue.code) {
    case 'invalid_type':
      return ENGLISH_TYPES[String(issue.expected)] ?? 'is not in the right form';
    case 'too_big': {
      const max = numberText(issue.maximum);
      if (issue.origin === 'string') return inclusive ? `must not exceed ${max} characters` : `must be shorter than ${max} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return inclusive ? `may hold at most ${max} items` : `must hold fewer than ${max} items`;
      if (issue.origin === 'file') return `must not exceed ${max} bytes`;
      if (issue.origin === 'date') return 'is too late';
      return inclusive ? `must not be greater than ${max}` : `must be less than ${max}`;
    }
    case 'too_small': {
      const min = numberText(issue.minimum);
      if (issue.origin === 'string') return min === '1' && inclusive ? 'must not be empty' : inclusive ? `must be at least ${min} characters` : `must be longer than ${min} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return min === '1' && inclusive ? 'needs at least one item' : `needs at least ${min} items`;
      if (issue.origin === 'date') return 'is too early';
      return inclusive ? `must not be less than ${min}` : `must be greater than ${min}`;
    }
    case 'invalid_format': {
      if (issue.format === 'starts_with') return `must start with “${String(issue.prefix)}”`;
      if (issue.format === 'ends_with') return `must end with “${String(issue.suffix)}”`;
      if (issue.format === 'includes') return `must contain “${String(issue.includes)}”`;
      return ENGLISH_FORMATS[String(issue.format)] ?? 'is not in the right form';
    }
    case 'not_multiple_of':
      return `must be a multiple of ${numberText(issue.divisor)}`;
    case 'invalid_value':
      return Array.isArray(issue.values) && issue.values.length > 1 ? 'is not one of the choices' : 'has a wrong value';
    case 'unrecognized_keys':
      return 'holds something not supported';
    default:
      return 'is not in the right form';
  }
}

/** The English parts of a request, when an issue is about all of it. */
const PART_LABELS_EN: Readonly<Record<string, string>> = { body: 'The request', querystring: 'The query', params: 'The address', headers: 'The request headers' };

/** A key in words: `newPassword` → "new password", `leadUnitIds` → "lead unit ids". */
function keyInWords(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/gu, '$1 $2')
    .replace(/[_-]+/gu, ' ')
    .toLowerCase()
    .trim();
}

/** The English label of the field at `path`: its key in words, capitalised ("Deadline of item 2 of decided items"). */
export function fieldLabelEn(path: readonly (string | number)[], part = 'body'): string {
  if (path.length === 0) return PART_LABELS_EN[part] ?? 'The request';
  const words: string[] = [];
  for (const key of path) {
    if (typeof key === 'number') words.unshift(`item ${key + 1} of`);
    else words.unshift(keyInWords(key), words.length === 0 ? '' : 'of');
  }
  const text = words.filter((word) => word !== '').join(' ').replace(/ of$/u, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Zod's locale for the application: the predicates above (installed with `z.config`). */
export function chineseLocale(): { localeError: (issue: IssueFacts) => string } {
  return { localeError: (issue) => issuePredicate(issue) };
}

/** The parts of a Zod schema the label lookup walks (zod/v4 core: `_zod.def`). */
interface SchemaNode {
  _zod?: { def?: Record<string, unknown> };
  description?: unknown;
}

function asNode(value: unknown): SchemaNode | undefined {
  return typeof value === 'object' && value !== null && '_zod' in value ? (value as SchemaNode) : undefined;
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'nonoptional', 'readonly', 'catch', 'success']);
const HINT_STARTS = ['缺省', '不填', '不得', '只', '要', '须', '按', '如', '给', '生成', '拒绝', '本人'];

/** A description that reads as a label: a short Chinese phrase (before any bracket or colon). */
export function labelFromDescription(description: unknown): string | undefined {
  if (typeof description !== 'string') return undefined;
  const head = description.split(/[（(：:；;，,。]/u)[0]?.trim() ?? '';
  if (head.length < 2 || head.length > 14 || !CJK.test(head)) return undefined;
  if (/[A-Za-z0-9、]/u.test(head) || HINT_STARTS.some((start) => head.startsWith(start))) return undefined;
  return head;
}

/** The schema and its wrappers down to the one that has children (descriptions on the way). */
function unwrap(node: SchemaNode | undefined): { node: SchemaNode | undefined; label: string | undefined } {
  let label: string | undefined;
  let current = node;
  for (let depth = 0; current !== undefined && depth < 20; depth += 1) {
    label ??= labelFromDescription(current.description);
    const def = current._zod?.def;
    const type = def?.type;
    if (typeof type === 'string' && WRAPPERS.has(type)) current = asNode(def?.innerType);
    else if (type === 'pipe') current = asNode(def?.in);
    else if (type === 'lazy' && typeof def?.getter === 'function') current = asNode((def.getter as () => unknown)());
    else break;
  }
  return { node: current, label };
}

/** The child schema at `key` (object property, array element, record value, a union's first match). */
function child(node: SchemaNode | undefined, key: string | number): SchemaNode | undefined {
  const def = node?._zod?.def;
  if (def === undefined) return undefined;
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, unknown> | undefined;
      return typeof key === 'string' ? asNode(shape?.[key]) : undefined;
    }
    case 'array':
      return asNode(def.element);
    case 'tuple':
      return typeof key === 'number' && Array.isArray(def.items) ? asNode(def.items[key]) : undefined;
    case 'record':
      return asNode(def.valueType);
    case 'union':
      if (!Array.isArray(def.options)) return undefined;
      for (const option of def.options) {
        const found = child(unwrap(asNode(option)).node, key);
        if (found !== undefined) return found;
      }
      return undefined;
    case 'intersection':
      return child(unwrap(asNode(def.left)).node, key) ?? child(unwrap(asNode(def.right)).node, key);
    default:
      return undefined;
  }
}

/** The label of the field at `path` in `schema` (description, else the table, else a neutral word). */
export function fieldLabel(schema: unknown, path: readonly (string | number)[], part = 'body'): string {
  if (path.length === 0) return PART_LABELS[part] ?? '请求内容';
  let node = unwrap(asNode(schema)).node;
  let prefix = '';
  let lastLabel: string | undefined;
  for (const [index, key] of path.entries()) {
    const { node: next, label } = unwrap(child(node, key));
    node = next;
    if (typeof key === 'number') {
      // A list without a label of its own is left out: 第 2 项的截止日期.
      prefix = `${prefix}${lastLabel ?? ''}第 ${key + 1} 项`;
      lastLabel = undefined;
      if (index === path.length - 1) return prefix;
      prefix += '的';
    } else {
      lastLabel = label ?? FIELD_LABELS[key];
    }
  }
  return `${prefix}${lastLabel ?? UNKNOWN_LABEL}`;
}

/** The value at `path` in the request part (to tell a missing field from a wrong one). */
function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let current = data;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** A schema violation as fastify-type-provider-zod reports it. */
export interface ReportedIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params?: Record<string, unknown>;
}

function pathOf(instancePath: string): (string | number)[] {
  return instancePath
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/** One issue's message with the field's label. */
function messageOf(issue: ReportedIssue, label: string, value: unknown): string {
  const facts: IssueFacts = { ...issue.params, code: issue.keyword };
  if (issue.keyword === 'invalid_type' && value === undefined) return `${label}为必填项`;
  const predicate = issuePredicate(facts);
  const given = issue.message ?? '';
  if (given === '' || given === predicate) return `${label}${predicate}`;
  // The contract's own wording: kept when Chinese (with the label when it does not name it).
  if (!CJK.test(given)) return `${label}${predicate}`;
  return given.includes(label) || given.startsWith('请') ? given : `${label}：${given}`;
}

/** The issues of a rejected request part with Chinese messages and labels. */
export function formatValidationIssues(options: {
  issues: readonly ReportedIssue[];
  /** The route's Zod schema of the part (body, querystring, params), if any */
  schema: unknown;
  /** The part as received */
  data: unknown;
  part: string;
}): ValidationIssue[] {
  return options.issues.map((issue) => {
    const path = pathOf(issue.instancePath);
    const label = fieldLabel(options.schema, path, options.part);
    const value = path.length === 0 ? options.data : valueAt(options.data, path);
    const labelEn = fieldLabelEn(path, options.part);
    const predicateEn = issue.keyword === 'invalid_type' && value === undefined ? 'is required' : issuePredicateEn({ ...issue.params, code: issue.keyword });
    return {
      field: path.join('.'),
      path,
      label,
      code: issue.keyword,
      message: messageOf(issue, label, value),
      labelEn,
      predicateEn,
      messageEn: `${labelEn} ${predicateEn}`,
    };
  });
}

/** The one message of a rejected request: its issues' messages (the first three, then how many more). */
export function validationSummary(issues: readonly ValidationIssue[]): string {
  if (issues.length === 0) return '请求内容不符合要求';
  const shown = [...new Set(issues.map((issue) => issue.message))];
  const head = shown.slice(0, 3).join('；');
  return shown.length > 3 ? `${head}（另有 ${shown.length - 3} 处）` : head;
}
