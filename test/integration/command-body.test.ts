/** A 指挥部 (body kind `command`, docs/glossary.md) is published and listed as its own kind. */
import { expect, it } from 'vitest';
import { describeDatabases } from './harness.ts';
import { bodyUser, publishTestBody, uniqueTag } from './factories/bodies.ts';

function commandText(tag: string): string {
  return `某某市人民政府办公室关于成立某某市${tag}防汛抗旱指挥部的通知
某政办发〔2024〕12号
各区人民政府，市政府各部门：
为加强防汛抗旱工作的组织领导，经市政府同意，决定成立某某市${tag}防汛抗旱指挥部（以下简称指挥部）。现将有关事项通知如下：
一、组成人员
指挥长：王某某\u3000市政府副市长
副指挥长：李某某\u3000市政府副秘书长
\u3000\u3000\u3000\u3000\u3000赵某某\u3000市水务局局长
成员由市水务局、市应急管理局、市气象局、市自然资源局分管负责同志组成。
二、办事机构
指挥部下设办公室，设在市水务局，承担指挥部日常工作，办公室主任由赵某某兼任。
三、工作规则
指挥部根据工作需要召开全体会议，由指挥长或指挥长委托的副指挥长主持。
某某市人民政府办公室
2024年4月1日`;
}

describeDatabases('command bodies', (t) => {
  it('publishes a 指挥部 as a body of kind command', async () => {
    const app = await t.app();
    const tag = uniqueTag();
    const published = await publishTestBody(t, { text: commandText(tag) });
    const office = await bodyUser(t, published.id, 'office_staff');
    const response = await app.inject({ method: 'GET', url: `/api/bodies/${published.id}`, headers: { cookie: office.cookie } });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<{ kind: string; name: string }>();
    expect(body.kind).toBe('command');
    expect(body.name).toContain('防汛抗旱指挥部');
  });
});
