/**
 * The organisation chart as a tree: the body → its convener → deputy conveners → member units,
 * each with its member and liaison; the office and the groups hang off the body. Pure.
 */

export interface OrgNode {
  name: string;
  /** What the node is, for styling: body, leader, units, unit, person, office, groups, group */
  kind: 'body' | 'leader' | 'units' | 'unit' | 'person' | 'office' | 'groups' | 'group';
  /** Vacant seat (a role with nobody named) */
  vacant?: boolean;
  children?: OrgNode[];
}

/** The slice of a membership the chart needs. */
export interface OrgMembership {
  roleKind: 'convener' | 'deputy_convener' | 'member' | 'liaison';
  title: string;
  unitId: string | null;
  unitName: string | null;
  personName: string | null;
  position: string | null;
  vacant: boolean;
}

export interface OrgUnit {
  unitId: string;
  name: string;
  lead: boolean;
}

export interface OrgOfficePost {
  person: string | null;
  position: string | null;
}

export interface OrgOffice {
  hostUnitName: string | null;
  director: OrgOfficePost | null;
  deputyDirectors: OrgOfficePost[];
}

export interface OrgGroup {
  name: string;
  kindLabel: string;
  leadUnits: { name: string }[];
  memberUnits: { name: string }[];
}

/** Texts the chart shows, already translated. */
export interface OrgLabels {
  memberUnits: (count: number) => string;
  member: (name: string) => string;
  liaison: (name: string) => string;
  vacant: string;
  lead: string;
  office: (host: string | null) => string;
  officeDirector: (name: string) => string;
  officeDeputy: (name: string) => string;
  groups: string;
  groupLead: (names: string) => string;
}

export interface OrgChartInput {
  bodyName: string;
  units: readonly OrgUnit[];
  memberships: readonly OrgMembership[];
  office: OrgOffice | null;
  groups: readonly OrgGroup[];
  labels: OrgLabels;
}

function who(membership: Pick<OrgMembership, 'personName' | 'position'>, vacant: string): string {
  return membership.personName ?? membership.position ?? vacant;
}

function postName(post: OrgOfficePost, vacant: string): string {
  return post.person ?? post.position ?? vacant;
}

export function buildOrgTree(input: OrgChartInput): OrgNode {
  const { labels } = input;
  const conveners = input.memberships.filter((m) => m.roleKind === 'convener');
  const deputies = input.memberships.filter((m) => m.roleKind === 'deputy_convener');

  const unitNodes: OrgNode[] = input.units.map((unit) => {
    const people: OrgNode[] = [];
    for (const membership of input.memberships) {
      if (membership.unitId !== unit.unitId) continue;
      if (membership.roleKind === 'member') {
        people.push({ name: labels.member(who(membership, labels.vacant)), kind: 'person', vacant: membership.vacant });
      } else if (membership.roleKind === 'liaison') {
        people.push({ name: labels.liaison(who(membership, labels.vacant)), kind: 'person', vacant: membership.vacant });
      }
    }
    return { name: unit.lead ? `${unit.name}（${labels.lead}）` : unit.name, kind: 'unit', children: people };
  });
  const unitsNode: OrgNode = { name: labels.memberUnits(input.units.length), kind: 'units', children: unitNodes };

  // body → conveners → deputy conveners → member units: each level one node, its holders one per line.
  let chain: OrgNode = unitsNode;
  if (deputies.length > 0) {
    chain = {
      name: deputies.map((deputy) => `${deputy.title}：${who(deputy, labels.vacant)}`).join('\n'),
      kind: 'leader',
      vacant: deputies.every((deputy) => deputy.vacant),
      children: [chain],
    };
  }
  if (conveners.length > 0) {
    chain = {
      name: conveners.map((convener) => `${convener.title}：${who(convener, labels.vacant)}`).join('\n'),
      kind: 'leader',
      vacant: conveners.every((convener) => convener.vacant),
      children: [chain],
    };
  }
  const children: OrgNode[] = [chain];

  if (input.office !== null) {
    const posts: OrgNode[] = [];
    if (input.office.director !== null) posts.push({ name: labels.officeDirector(postName(input.office.director, labels.vacant)), kind: 'person' });
    for (const deputy of input.office.deputyDirectors) posts.push({ name: labels.officeDeputy(postName(deputy, labels.vacant)), kind: 'person' });
    children.push({ name: labels.office(input.office.hostUnitName), kind: 'office', children: posts });
  }
  if (input.groups.length > 0) {
    children.push({
      name: labels.groups,
      kind: 'groups',
      children: input.groups.map((group) => ({
        name: `${group.kindLabel}：${group.name}`,
        kind: 'group',
        children: group.leadUnits.length > 0 ? [{ name: labels.groupLead(group.leadUnits.map((unit) => unit.name).join('、')), kind: 'unit' }] : [],
      })),
    });
  }
  return { name: input.bodyName, kind: 'body', children };
}

/** Number of leaves (for sizing the chart). */
export function countLeaves(node: OrgNode): number {
  if (node.children === undefined || node.children.length === 0) return 1;
  return node.children.reduce((sum, child) => sum + countLeaves(child), 0);
}
