import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDemoRandom } from '../demo-random.js';
import { joinSegmentedText, loadMessagePool, localiseMessage, writeCaseText } from './history-texts.js';

const HAIBOWAN = { district: '海勃湾区', town: '新华街道', community: '兴华社区' };

describe('the data set’s messages told as a Wuhai citizen writes them', () => {
  it.each([
    ['咨询 G 市 医保 几个 问题', '咨询G市医保几个问题'],
    ['关于 A3 区 小区 停车 收费 ， 请 领导 回复 ！', '关于A3区小区停车收费，请领导回复！'],
    ['小区  WiFi 6 信号 差', '小区WiFi 6信号差'],
    ['已经 等 了 3 个 月', '已经等了3个月'],
  ])('joins the segmentation spaces of %j', (segmented, joined) => {
    expect(joinSegmentedText(segmented)).toBe(joined);
  });

  it.each([
    ['咨询G市医保几个问题', '咨询乌海市医保几个问题'],
    ['投诉A市A1区苑物业违规收停车费', '投诉乌海市海勃湾区苑物业违规收停车费'],
    ['K2县B3镇的道路坑洼', '海勃湾区新华街道的道路坑洼'],
    ['D12市人民医院收费不合理', '海勃湾区人民医院收费不合理'],
    ['C1街道办事处不作为', '新华街道办事处不作为'],
  ])('names Wuhai’s places in %j', (anonymised, local) => {
    expect(localiseMessage(anonymised, HAIBOWAN)).toBe(local);
  });

  it('leaves Latin words, plates and amounts alone', () => {
    const text = '车牌蒙L12345的车辆停在ABC超市门口，罚款200元';
    expect(localiseMessage(text, HAIBOWAN)).toBe(text);
  });
});

describe('a case written from the data set’s messages', () => {
  it('reads as a Wuhai citizen wrote it: words joined, places named', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teddy-'));
    try {
      const messages = [
        {
          label: '劳动和社会保障',
          text: '咨询 G 市 医保 几个 问题 ， 我 在 K2 县 B3 镇 工作 ， 医保 怎么 转移 ？',
        },
        { label: '劳动和社会保障', text: '投诉 A市A1区 某 公司 拖欠 工资 三 个 月 ， 请 劳动 部门 处理' },
      ];
      fs.writeFileSync(
        path.join(dir, 'train_8290.jsonl'),
        messages.map((m, row) => JSON.stringify({ row, ...m, form: 'tokens' })).join('\n'),
      );
      const pool = loadMessagePool(dir);
      const random = createDemoRandom(7);
      const fromPool = Array.from({ length: 60 }, () =>
        writeCaseText(random, '劳动和社会保障', '社会保险', HAIBOWAN, pool),
      ).filter((text) => text.description.includes('医保') || text.description.includes('拖欠工资三个月'));
      expect(fromPool.length).toBeGreaterThan(0);
      for (const { title, description } of fromPool) {
        for (const text of [title, description]) {
          expect(text).not.toMatch(/[A-Z]\d*\s*[市县区镇]/);
          expect(text).not.toMatch(/\P{ASCII}\s|\s\P{ASCII}/u);
        }
        expect(description).toMatch(/乌海市/);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
