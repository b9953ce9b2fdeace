import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../../src/core/facts/extract.ts';
import { briefs, documentOf, registry, tableFactsOf } from './helpers.ts';

/**
 * Figures of invented tables, every cell checked: the list of figures a table gives is
 * compared in full, so a wrong or extra figure fails as surely as a missing one.
 */

describe('an English results table in RMB thousands', () => {
  const text = [
    'Acme Cloud announced its annual results today.',
    '',
    'Consolidated results (RMB in thousands)',
    '',
    '| Item | 2029 | 2030 | YoY | 2031E |',
    '|---|---:|---:|---:|---:|',
    '| Revenue | 1,234,567 | 1,500,000 | 21.5% | 1,800,000 |',
    '| Gross profit | 400,000 | 520,000 | 30.0% | - |',
    '| Gross margin (%) | 32.4 | 34.7 | 2.3 ppt | n/a |',
    '| Net loss | (120,000) | (80,000) | (33.3%) | — |',
    '| Adjusted net loss | (100,000) | (60,500) | | |',
    '| Basic loss per share (RMB) | (0.12) | (0.08) | | |',
    '| Employees | 1,200 | 1,350 | | |',
    '| Loss before income tax | (130,000) | (85,000) | | |',
  ].join('\n');

  it('gives every level, change and forecast cell, scaled and signed, and nothing else', () => {
    expect(briefs(text)).toEqual(
      [
        'acme-cloud revenue FY2029 1234567000 CNY',
        'acme-cloud revenue FY2030 1500000000 CNY',
        'acme-cloud revenue FY2030 21.5 % [change=yoy]',
        'acme-cloud revenue FY2031 1800000000 CNY [forecast]',
        'acme-cloud gross_profit FY2029 400000000 CNY',
        'acme-cloud gross_profit FY2030 520000000 CNY',
        'acme-cloud gross_profit FY2030 30 % [change=yoy]',
        'acme-cloud gross_margin FY2029 32.4 %',
        'acme-cloud gross_margin FY2030 34.7 %',
        'acme-cloud gross_margin FY2030 2.3 % [change=yoy]',
        'acme-cloud net_income FY2029 -120000000 CNY',
        'acme-cloud net_income FY2030 -80000000 CNY',
        'acme-cloud net_income FY2030 -33.3 % [change=yoy]',
        'acme-cloud net_income FY2029 -100000000 CNY [adjusted]',
        'acme-cloud net_income FY2030 -60500000 CNY [adjusted]',
        'acme-cloud eps FY2029 -0.12 CNY',
        'acme-cloud eps FY2030 -0.08 CNY',
        'acme-cloud headcount FY2029 1200 count',
        'acme-cloud headcount FY2030 1350 count',
      ].sort(),
    );
  });

  it('quotes the row exactly, keeps the number as written and marks the figure as from a table', () => {
    const doc = documentOf(text);
    const facts = extractFacts(doc, registry());
    expect(facts.length).toBeGreaterThan(0);
    for (const f of facts) {
      expect(f.origin).toBe('table');
      const quote = doc.text.slice(f.start, f.end);
      expect(quote.startsWith('| ') && quote.endsWith(' |')).toBe(true);
      expect(quote).toContain(f.numberText);
    }
    const revenue = facts.find((f) => f.metric === 'revenue' && f.period.kind === 'FY' && f.period.year === 2030 && !f.qualifiers.change)!;
    expect(revenue.numberText).toBe('1,500,000');
    expect(revenue.change).toEqual({ value: 21.5, unit: '%', basis: 'yoy' });
    const margin = facts.find((f) => f.metric === 'gross_margin' && f.qualifiers.change)!;
    expect(margin.change).toEqual({ value: 2.3, unit: 'pp', basis: 'yoy' });
  });

  it('never reads a table row as a sentence', () => {
    const facts = extractFacts(documentOf(`${text}\n\nIn 2030, Acme Cloud revenue was RMB 1.5 billion.`), registry());
    const sentence = facts.filter((f) => f.origin !== 'table');
    expect(sentence.map((f) => `${f.metric} ${f.value}`)).toEqual(['revenue 1500000000']);
  });
});

describe('Simplified Chinese: half-year columns, a unit note below, attributable profit', () => {
  const text = [
    '### 主要财务数据',
    '',
    '| 项目 | 2030年上半年 | 2029年上半年 | 同比变动 |',
    '| --- | --- | --- | --- |',
    '| 营业收入 | 52,345.6 | 41,200.0 | 27.1% |',
    '| 归属于母公司股东的净利润 | -8,765.4 | -9,900.0 | — |',
    '| 毛利率(%) | 41.2 | 38.0 | 3.2个百分点 |',
    '| 研发费用 | 23,456.7 | 20,111.0 | 16.6% |',
    '| 经营活动产生的现金流量净额 | 1,234.5 | (2,345.6) | 不适用 |',
    '',
    '单位:人民币千元',
  ].join('\n');

  it('gives each cell with the scale of the note and the sign as written', () => {
    expect(briefs(text, { period: 'H1 2030', language: 'zh-Hans' })).toEqual(
      [
        'acme-cloud revenue H1 2030 52345600 CNY',
        'acme-cloud revenue H1 2029 41200000 CNY',
        'acme-cloud revenue H1 2030 27.1 % [change=yoy]',
        'acme-cloud net_income H1 2030 -8765400 CNY [attributable]',
        'acme-cloud net_income H1 2029 -9900000 CNY [attributable]',
        'acme-cloud gross_margin H1 2030 41.2 %',
        'acme-cloud gross_margin H1 2029 38 %',
        'acme-cloud gross_margin H1 2030 3.2 % [change=yoy]',
        'acme-cloud rd_expense H1 2030 23456700 CNY',
        'acme-cloud rd_expense H1 2029 20111000 CNY',
        'acme-cloud rd_expense H1 2030 16.6 % [change=yoy]',
        'acme-cloud operating_cash_flow H1 2030 1234500 CNY',
        'acme-cloud operating_cash_flow H1 2029 -2345600 CNY',
      ].sort(),
    );
    const zh = tableFactsOf(text, { period: 'H1 2030' });
    expect(zh.every((f) => f.language === 'zh')).toBe(true);
  });
});

describe('Traditional Chinese: millions in the caption, a forecast column, 其中 sub-rows', () => {
  const text = [
    '表一:主要數據(人民幣百萬元)',
    '| 項目 | 2029年 | 2030年 | 2031年(預測) |',
    '|:--|--:|--:|--:|',
    '| 營業收入 | 3,210.5 | 4,012.3 | 5,000 |',
    '| 其中:雲服務 | 2,100.2 | 2,900.8 | 3,800 |',
    '| 經調整淨虧損 | (512.3) | (301.4) | (120) |',
    '| 員工人數 | 2,345 | 2,210 | - |',
  ].join('\n');

  it('scales by the caption, flags the forecast column and reads 其中 as a segment of the row above', () => {
    expect(briefs(text, { language: 'zh-Hant' })).toEqual(
      [
        'acme-cloud revenue FY2029 3210500000 CNY',
        'acme-cloud revenue FY2030 4012300000 CNY',
        'acme-cloud revenue FY2031 5000000000 CNY [forecast]',
        'acme-cloud revenue FY2029 2100200000 CNY [segment=云]',
        'acme-cloud revenue FY2030 2900800000 CNY [segment=云]',
        'acme-cloud revenue FY2031 3800000000 CNY [forecast segment=云]',
        'acme-cloud net_income FY2029 -512300000 CNY [adjusted]',
        'acme-cloud net_income FY2030 -301400000 CNY [adjusted]',
        'acme-cloud net_income FY2031 -120000000 CNY [adjusted forecast]',
        'acme-cloud headcount FY2029 2345 count',
        'acme-cloud headcount FY2030 2210 count',
      ].sort(),
    );
  });
});

describe('亿元 and segment hierarchy: a metric heading, business-line rows, a total', () => {
  const text = [
    '| 收入(按分部) | 2030年 | 2029年 |',
    '|---|---|---|',
    '| 营业收入 | | |',
    '| 智能汽车解决方案 | 9.13 | 3.50 |',
    '| 软件产品 | 0.22 | 0.26 |',
    '| 其他 | 0.01 | 0.02 |',
    '| 合计 | 9.36 | 3.78 |',
    '',
    '单位:亿元',
  ].join('\n');

  it('gives segment figures under the heading and the total as the plain figure; an unnamed line nothing', () => {
    expect(briefs(text)).toEqual(
      [
        'acme-cloud revenue FY2030 913000000 CNY [segment=智能汽车解决方案]',
        'acme-cloud revenue FY2029 350000000 CNY [segment=智能汽车解决方案]',
        'acme-cloud revenue FY2030 22000000 CNY [segment=软件产品]',
        'acme-cloud revenue FY2029 26000000 CNY [segment=软件产品]',
        'acme-cloud revenue FY2030 936000000 CNY',
        'acme-cloud revenue FY2029 378000000 CNY',
      ].sort(),
    );
  });

  it('a segment heading row makes the metric rows under it that segment’s', () => {
    const byLine = [
      'Segment results (US$ in millions)',
      '',
      '| | Q2 2030 | Q1 2030 | QoQ |',
      '|---|---|---|---|',
      '| **Cloud services** | | | |',
      '| Revenue | 120.5 | 110.0 | 9.5% |',
      '| Gross margin | 35.0% | 33.1% | 1.9pp |',
      '| Net loss | (3.0) | (4.1) | |',
      '| **Enterprise software** | | | |',
      '| Revenue | 60.1 | 58.2 | 3.3% |',
      '| Total revenue | 180.6 | 168.2 | |',
    ].join('\n');
    expect(briefs(byLine, { period: 'Q2 2030' })).toEqual(
      [
        'acme-cloud revenue Q2 2030 120500000 USD [segment=cloud]',
        'acme-cloud revenue Q1 2030 110000000 USD [segment=cloud]',
        'acme-cloud revenue Q2 2030 9.5 % [change=qoq segment=cloud]',
        'acme-cloud gross_margin Q2 2030 35 % [segment=cloud]',
        'acme-cloud gross_margin Q1 2030 33.1 % [segment=cloud]',
        'acme-cloud gross_margin Q2 2030 1.9 % [change=qoq segment=cloud]',
        'acme-cloud revenue Q2 2030 60100000 USD [segment=enterprise software]',
        'acme-cloud revenue Q1 2030 58200000 USD [segment=enterprise software]',
        'acme-cloud revenue Q2 2030 3.3 % [change=qoq segment=enterprise software]',
      ].sort(),
    );
  });

  it('parts take the units of the metric heading above them; a line after the total is not a part', () => {
    const text = ['| Item | 2030 |', '|---|---|', '| Revenue (US$ mn) | |', '| Cloud services | 10.5 |', '| Total | 12.0 |', '| Hardware products | 1.5 |'].join('\n');
    expect(briefs(text)).toEqual(['acme-cloud revenue FY2030 10500000 USD [segment=cloud]', 'acme-cloud revenue FY2030 12000000 USD']);
  });

  it('a caption naming the metric gives segment rows and the total without a heading row', () => {
    const captioned = ['Revenue by segment (RMB million)', '| Segment | FY2030 | FY2029 |', '|---|---|---|', '| Public cloud services | 800.0 | 700.0 |', '| Enterprise cloud | 400.0 | 300.0 |', '| Total | 1,200.0 | 1,000.0 |'].join('\n');
    expect(briefs(captioned)).toEqual(
      [
        'acme-cloud revenue FY2030 800000000 CNY [segment=public cloud]',
        'acme-cloud revenue FY2029 700000000 CNY [segment=public cloud]',
        'acme-cloud revenue FY2030 400000000 CNY [segment=enterprise cloud]',
        'acme-cloud revenue FY2029 300000000 CNY [segment=enterprise cloud]',
        'acme-cloud revenue FY2030 1200000000 CNY',
        'acme-cloud revenue FY2029 1000000000 CNY',
      ].sort(),
    );
  });
});

describe('columns named after the document’s own period', () => {
  const text = [
    '主要会计数据',
    '',
    '| 项目 | 本报告期 | 上年同期 | 本报告期比上年同期增减(%) |',
    '|---|---|---|---|',
    '| 营业收入(元) | 523,456,789.12 | 412,000,000.00 | 27.05 |',
    '| 归属于上市公司股东的扣除非经常性损益的净利润(元) | -87,654,321.00 | -99,000,000.00 | 不适用 |',
    '| 基本每股收益(元/股) | -0.21 | -0.25 | 不适用 |',
    '| 净利润(净亏损以“－”号填列)(元) | -90,000,000.00 | -101,000,000.00 | 不适用 |',
  ].join('\n');

  it('"本报告期" is the stated reporting period, "上年同期" the same period a year before, and the change compares them', () => {
    expect(briefs(text, { period: 'H1 2030' })).toEqual(
      [
        'acme-cloud revenue H1 2030 523456789.12 CNY',
        'acme-cloud revenue H1 2029 412000000 CNY',
        'acme-cloud revenue H1 2030 27.05 % [change=yoy]',
        'acme-cloud net_income H1 2030 -87654321 CNY [exclNonrecurring]',
        'acme-cloud net_income H1 2029 -99000000 CNY [exclNonrecurring]',
        'acme-cloud eps H1 2030 -0.21 CNY',
        'acme-cloud eps H1 2029 -0.25 CNY',
        'acme-cloud net_income H1 2030 -90000000 CNY',
        'acme-cloud net_income H1 2029 -101000000 CNY',
      ].sort(),
    );
  });

  it('without a stated reporting period those columns give nothing', () => {
    const doc = { ...documentOf(text), period: null };
    expect(extractFacts(doc, registry()).filter((f) => f.origin === 'table')).toEqual([]);
    const guessed = { ...documentOf(text, { period: 'H1 2030' }), inferred: ['period'] };
    expect(extractFacts(guessed, registry()).filter((f) => f.origin === 'table')).toEqual([]);
  });
});

describe('column headers', () => {
  it('reads a two-line header with the month before the year, and leaves merged cells unread', () => {
    const text = [
      '(RMB in millions)',
      '| | For the six months ended 30 June | | For the year ended 31 December |',
      '|---|---|---|---|',
      '| | 2030 | 2029 | 2029 |',
      '| Revenue | 600.0 | 500.0 | 1,100.0 |',
      '| Operating loss | (50.0) | (70.0) | (150.0) |',
    ].join('\n');
    expect(briefs(text)).toEqual(
      [
        'acme-cloud revenue H1 2030 600000000 CNY',
        'acme-cloud revenue FY2029 1100000000 CNY',
        'acme-cloud operating_income H1 2030 -50000000 CNY',
        'acme-cloud operating_income FY2029 -150000000 CNY',
      ].sort(),
    );
  });

  it('reads 1H24-style, 9M and 1-6月 headers with the period grammar', () => {
    const text = ['| RMB mn | 1H30 | 1H29 | % change | 9M 2030 |', '|---|---|---|---|---|', '| Revenue | 210.0 | 190.0 | 10.5% | 330.0 |'].join('\n');
    expect(briefs(text)).toEqual(['acme-cloud revenue 9M 2030 330000000 CNY', 'acme-cloud revenue H1 2029 190000000 CNY', 'acme-cloud revenue H1 2030 10.5 % [change=yoy]', 'acme-cloud revenue H1 2030 210000000 CNY']);
    const zh = ['| 项目(万元) | 2030年1-6月 | 2029年1-6月 |', '|---|---|---|', '| 营业收入 | 8,765.43 | 7,654.32 |'].join('\n');
    expect(briefs(zh)).toEqual(['acme-cloud revenue H1 2029 76543200 CNY', 'acme-cloud revenue H1 2030 87654300 CNY']);
  });

  it('gives no figure for an empty header cell, a header with words it does not know, or a table without periods', () => {
    const empty = ['(RMB million)', '| Item | 2030 | | 2029 (restated) |', '|---|---|---|---|', '| Revenue | 10.0 | 11.0 | 9.0 |'].join('\n');
    expect(briefs(empty)).toEqual(['acme-cloud revenue FY2030 10000000 CNY']);
    const noPeriod = ['(RMB million)', '| Item | Amount | Share |', '|---|---|---|', '| Revenue | 10.0 | 9.0 |'].join('\n');
    expect(briefs(noPeriod)).toEqual([]);
    // "Current period" is the document's stated period; "Prior period" says not which one.
    const relative = ['(RMB million)', '| Item | Current period | Prior period |', '|---|---|---|', '| Revenue | 10.0 | 9.0 |'].join('\n');
    expect(briefs(relative)).toEqual(['acme-cloud revenue FY2030 10000000 CNY']);
    const yearless = ['(RMB million)', '| Item | Q1 | Q2 |', '|---|---|---|', '| Revenue | 10.0 | 9.0 |'].join('\n');
    expect(briefs(yearless)).toEqual([]);
    const noHeader = ['| Revenue | 10.0 | 9.0 |', '| Net loss | 1.0 | 2.0 |'].join('\n');
    expect(briefs(noHeader)).toEqual([]);
  });

  it('two columns of the same period with nothing to tell them apart give nothing', () => {
    const text = ['(RMB million)', '| Item | 2030 | 2030 |', '|---|---|---|', '| Revenue | 10.0 | 10.5 |'].join('\n');
    expect(briefs(text)).toEqual([]);
  });

  it('guidance, consensus and 预测 columns are forecasts; several forecasts of one period side by side give none of them', () => {
    const one = ['| (RMB mn) | 2030 | 2031 guidance |', '|---|---|---|', '| Revenue | 100.0 | 120.0 |'].join('\n');
    expect(briefs(one)).toEqual(['acme-cloud revenue FY2030 100000000 CNY', 'acme-cloud revenue FY2031 120000000 CNY [forecast]']);
    const zh = ['| 项目(亿元) | 2030年 | 2031年预测 |', '|---|---|---|', '| 营业收入 | 1.00 | 1.19 |'].join('\n');
    expect(briefs(zh)).toEqual(['acme-cloud revenue FY2030 100000000 CNY', 'acme-cloud revenue FY2031 119000000 CNY [forecast]']);
    const several = ['| (RMB mn) | 2030 | 2031 guidance | Consensus 2031 |', '|---|---|---|---|', '| Revenue | 100.0 | 120.0 | 118.0 |'].join('\n');
    expect(briefs(several)).toEqual(['acme-cloud revenue FY2030 100000000 CNY']);
  });

  it('columns in two currencies each give their own figure', () => {
    const text = ['| Item | 2030 RMB million | 2030 US$ million |', '|---|---|---|', '| Revenue | 700.0 | 100.0 |'].join('\n');
    expect(briefs(text)).toEqual(['acme-cloud revenue FY2030 100000000 USD', 'acme-cloud revenue FY2030 700000000 CNY']);
  });
});

describe('precision: doubt gives no figure', () => {
  it('a table without any scale gives no amount; a percent and a count still read', () => {
    const text = ['| Item | 2030 | 2029 |', '|---|---|---|', '| Revenue | 1,500 | 1,200 |', '| Gross margin | 30.1% | 28.0% |', '| Employees | 900 | 850 |'].join('\n');
    expect(briefs(text)).toEqual(['acme-cloud gross_margin FY2029 28 %', 'acme-cloud gross_margin FY2030 30.1 %', 'acme-cloud headcount FY2029 850 count', 'acme-cloud headcount FY2030 900 count']);
  });

  it('notes that disagree on the scale give no amount', () => {
    const text = ['Key figures (RMB in thousands)', '| Item | 2030 |', '|---|---|', '| Revenue | 1,500 |', '', 'Unit: RMB million'].join('\n');
    expect(briefs(text)).toEqual([]);
  });

  it('a row label with a word the vocabulary does not explain gives nothing', () => {
    const text = ['(RMB million)', '| Item | 2030 |', '|---|---|', '| Revenue from discontinued operations | 15.0 |', '| Profit before tax | 20.0 |', '| Other income | 3.0 |', '| Revenue and other income | 18.0 |'].join('\n');
    expect(briefs(text)).toEqual([]);
  });

  it('a cell with a footnote, two numbers or words gives nothing; dashes and n/a give nothing without error', () => {
    const text = ['(RMB million)', '| Item | 2030 | 2029 | 2028 | 2027 |', '|---|---|---|---|---|', '| Revenue | 15.0 (1) | 12.0/13.0 | about 11 | n/a |', '| Gross profit | — | - | N/M | |'].join('\n');
    expect(briefs(text)).toEqual([]);
  });

  it('a loss row with some figures in parentheses and some not is in doubt', () => {
    const text = ['(RMB million)', '| Item | 2030 | 2029 |', '|---|---|---|', '| Net loss | (15.0) | 12.0 |'].join('\n');
    expect(briefs(text)).toEqual([]);
  });

  it('a change that its row’s levels contradict is not read, the levels are', () => {
    const text = ['(RMB million)', '| Item | 2029 | 2030 | YoY |', '|---|---|---|---|', '| Revenue | 100.0 | 120.0 | 12.0% |'].join('\n');
    expect(briefs(text)).toEqual(['acme-cloud revenue FY2029 100000000 CNY', 'acme-cloud revenue FY2030 120000000 CNY']);
  });

  it('a balance at a date is read as such; a flow under a date column is not', () => {
    const text = ['(RMB million)', '| Item | As at December 31, 2030 | As at December 31, 2029 |', '|---|---|---|', '| Cash and cash equivalents | 900.5 | 800.1 |', '| Revenue | 100.0 | 90.0 |'].join('\n');
    expect(briefs(text)).toEqual(['acme-cloud cash FY2029 800100000 CNY', 'acme-cloud cash FY2030 900500000 CNY']);
  });

  it('rows that do not line up with the header are skipped', () => {
    const text = ['(RMB million)', '| Item | 2030 | 2029 |', '|---|---|---|', '| Revenue | 100.0 |', '| Gross profit | 40.0 | 30.0 |'].join('\n');
    expect(briefs(text)).toEqual(['acme-cloud gross_profit FY2029 30000000 CNY', 'acme-cloud gross_profit FY2030 40000000 CNY']);
  });
});

describe('costs and captions', () => {
  it('costs written in parentheses as deductions are the costs themselves; a cost row of mixed signs gives nothing', () => {
    const text = [
      '(RMB million)',
      '| Item | 2030 | 2029 | YoY |',
      '|---|---|---|---|',
      '| Revenue | 500.0 | 400.0 | 25.0% |',
      '| Cost of revenue | (300.0) | (260.0) | 15.4% |',
      '| Research and development expenses | (120.0) | (100.0) | 20.0% |',
      '| Selling and marketing expenses | (50.0) | 45.0 | |',
    ].join('\n');
    expect(briefs(text)).toEqual(
      [
        'acme-cloud revenue FY2030 500000000 CNY',
        'acme-cloud revenue FY2029 400000000 CNY',
        'acme-cloud revenue FY2030 25 % [change=yoy]',
        'acme-cloud cost_of_revenue FY2030 300000000 CNY',
        'acme-cloud cost_of_revenue FY2029 260000000 CNY',
        'acme-cloud cost_of_revenue FY2030 15.4 % [change=yoy]',
        'acme-cloud rd_expense FY2030 120000000 CNY',
        'acme-cloud rd_expense FY2029 100000000 CNY',
        'acme-cloud rd_expense FY2030 20 % [change=yoy]',
      ].sort(),
    );
  });

  it('a numbered caption and a note "except per share data": amounts scaled, per-share figures not', () => {
    const text = [
      "Table 2: Key figures (RMB'000)",
      '',
      '| Item | 2030 | 2029 |',
      '|---|---|---|',
      '| Revenue | 12,345 | 10,000 |',
      '| Basic earnings per share | 0.15 | 0.11 |',
      '',
      '(RMB in thousands, except per share data)',
    ].join('\n');
    expect(briefs(text)).toEqual(['acme-cloud eps FY2029 0.11 CNY', 'acme-cloud eps FY2030 0.15 CNY', 'acme-cloud revenue FY2029 10000000 CNY', 'acme-cloud revenue FY2030 12345000 CNY']);
    // Without that note the table's scale may reach the per-share row: it is not read.
    expect(briefs(text.replace('(RMB in thousands, except per share data)', ''))).toEqual(['acme-cloud revenue FY2029 10000000 CNY', 'acme-cloud revenue FY2030 12345000 CNY']);
  });

  it('a sentence above the table naming a metric does not make its total rows that metric', () => {
    const text = ['The table below shows revenue and other items.', '| Item (RMB million) | 2030 |', '|---|---|', '| Cloud services | 80.0 |', '| Total | 100.0 |'].join('\n');
    expect(briefs(text)).toEqual([]);
  });
});

describe('companies', () => {
  it('a caption naming another company makes the table that company’s', () => {
    const text = ['Beta Robotics key figures (RMB million)', '| Item | 2030 |', '|---|---|', '| Revenue | 55.0 |'].join('\n');
    expect(briefs(text)).toEqual(['beta-robotics revenue FY2030 55000000 CNY']);
  });

  it('a row or a column naming a company gives that company’s figure; two companies in one place give nothing', () => {
    const text = ['(RMB million)', '| Item | 2030 |', '|---|---|', '| Revenue | 100.0 |', '| Beta revenue | 55.0 |', '| Beta and Gamma revenue | 70.0 |'].join('\n');
    expect(briefs(text)).toEqual(['acme-cloud revenue FY2030 100000000 CNY', 'beta-robotics revenue FY2030 55000000 CNY']);
    const columns = ['(RMB million)', '| Item | Acme 2030 | Beta 2030 |', '|---|---|---|', '| Revenue | 100.0 | 55.0 |'].join('\n');
    expect(briefs(columns)).toEqual(['acme-cloud revenue FY2030 100000000 CNY', 'beta-robotics revenue FY2030 55000000 CNY']);
  });

  it('a market summary: a row naming exactly one known company gives that company’s figures; other rows nothing', () => {
    const text = [
      '港股AI板块2030年业绩一览',
      '',
      '| 公司 | 营收(亿元) | 同比 | 毛利率 |',
      '|---|---|---|---|',
      '| 艾克米云 | 12.5 | 30% | 41.2% |',
      '| 贝塔机器人-W(09999) | 8.8 | -12% | 20.0% |',
      '| 未知公司 | 3.3 | 5% | 10% |',
      '| 艾克米云及贝塔机器人 | 21.3 | | |',
    ].join('\n');
    expect(briefs(text)).toEqual(
      [
        'acme-cloud revenue FY2030 1250000000 CNY',
        'acme-cloud revenue FY2030 30 % [change=yoy]',
        'acme-cloud gross_margin FY2030 41.2 %',
        'beta-robotics revenue FY2030 880000000 CNY',
        'beta-robotics revenue FY2030 -12 % [change=yoy]',
        'beta-robotics gross_margin FY2030 20 %',
      ].sort(),
    );
    // Without a period in the caption or the header, nothing.
    expect(briefs(text.replace('2030年', ''))).toEqual([]);
  });
});

describe('tables whose columns name the metrics', () => {
  it('rows of years: each cell is the column’s metric for the row’s year, forecasts flagged', () => {
    const text = [
      'Five-year summary (RMB mn)',
      '',
      '| Year | Revenue | Net loss | Gross margin (%) | Employees |',
      '|---|---|---|---|---|',
      '| 2027 | 100.0 | (20.0) | 30.1 | 500 |',
      '| 2028 | 150.5 | (12.0) | 33.0 | 620 |',
      '| 2029E | 180.0 | (5.0) | 35.0 | - |',
      '| Restated 2026 | 90.0 | (25.0) | 28.0 | 450 |',
    ].join('\n');
    expect(briefs(text)).toEqual(
      [
        'acme-cloud revenue FY2027 100000000 CNY',
        'acme-cloud net_income FY2027 -20000000 CNY',
        'acme-cloud gross_margin FY2027 30.1 %',
        'acme-cloud headcount FY2027 500 count',
        'acme-cloud revenue FY2028 150500000 CNY',
        'acme-cloud net_income FY2028 -12000000 CNY',
        'acme-cloud gross_margin FY2028 33 %',
        'acme-cloud headcount FY2028 620 count',
        'acme-cloud revenue FY2029 180000000 CNY [forecast]',
        'acme-cloud net_income FY2029 -5000000 CNY [forecast]',
        'acme-cloud gross_margin FY2029 35 % [forecast]',
      ].sort(),
    );
  });

  it('a header with its own period and a row of another period disagree: nothing', () => {
    const text = ['(RMB million)', '| Year | 2030 revenue |', '|---|---|', '| 2029 | 10.0 |', '| 2030 | 12.0 |'].join('\n');
    expect(briefs(text)).toEqual(['acme-cloud revenue FY2030 12000000 CNY']);
  });
});

describe('a merged header that says the period twice', () => {
  it('reads "Six months ended June 30" over "H1 2030" as H1 2030, and gives nothing when they disagree', () => {
    const table = (first: string) =>
      ['Key figures', `| Item | ${first} H1 2029 | ${first} H1 2030 |`, '|---|---|---|', '| Revenue | 365.1 | 431.6 |', '', 'RMB in millions'].join('\n');
    expect(briefs(table('Six months ended June 30'))).toEqual(['acme-cloud revenue H1 2029 365100000 CNY', 'acme-cloud revenue H1 2030 431600000 CNY']);
    expect(briefs(table('Three months ended March 31'))).toEqual([]);
  });
});
