import { periodLabel } from '../../src/core/periods.ts';
import { finishFigures, frontMatter, type GeneratedDocument } from './compose.ts';
import { BANKS, fillerPairs, newsPairs, personName } from './filler.ts';
import { enQuarterTitle, zhQuarter, type PlantPeriod } from './period-text.ts';
import type { PlantedFigure, WriteContext } from './planted.ts';
import { toTraditional, type ZhScript } from './script.ts';
import { CEO_FORMS, CFO_FORMS, type PairedForm, type PairedStatement } from './transcript-forms.ts';

/**
 * A bilingual earnings-call transcript, laid out like the bundled one: every English
 * line is followed by its Chinese translation, speaker lines are printed twice, and the
 * figures are stated relative to the call's quarter.
 */

type Quarter = Extract<PlantPeriod, { kind: 'Q' }>;

function draw(ctx: WriteContext, d: Quarter, forms: readonly PairedForm[], k: number): PairedStatement[] {
  const out: PairedStatement[] = [];
  for (const form of ctx.rng.shuffle(forms)) {
    if (out.length >= k) break;
    const s = form(ctx, d);
    if (s) out.push(s);
  }
  return out;
}

/** A transcript of the call about quarter `d`, Chinese lines in `script`. */
export function transcript(ctx: WriteContext, id: string, d: Quarter, script: ZhScript): GeneratedDocument {
  const convert = script === 'zh-Hant' ? toTraditional : (s: string) => s;
  const C = ctx.company.name;
  const Cz = ctx.company.zhHans;
  const [ir, ceo, cfo] = [personName(ctx.rng), personName(ctx.rng), personName(ctx.rng)];
  const lines: string[] = [];
  const figures: PlantedFigure[] = [];
  const say = (en: string, zh: string) => lines.push(en, convert(zh));
  const speaker = (name: string) => lines.push(name, name);
  const state = (s: PairedStatement) => {
    say(s.en.text, s.zh.text);
    figures.push(...finishFigures(id, s.en, 'en'), ...finishFigures(id, s.zh, 'zh', convert));
  };
  const filler = (n: number) => fillerPairs(ctx.rng, n, C, Cz).forEach(([en, zh]) => say(en, zh));

  lines.push(convert(script === 'zh-Hant' ? '使用警语：中文译文来源为 Google 翻译，仅供参考，实际内容请以英文原文为主' : '说明：中文译文为机器翻译，仅供参考，请以英文原文为准'));
  speaker('Operator');
  say(
    `Good day, and thank you for standing by. Welcome to the ${C} ${enQuarterTitle(d)} Earnings Conference Call. Please be advised today's conference is being recorded.`,
    `您好，感谢您的支持。欢迎参加${Cz}${zhQuarter(d)}业绩电话会议。请注意，今天的会议正在录音。`,
  );
  speaker(`${ir} - IR Officer`);
  say(
    `Thank you, operator. Please note that unless otherwise stated, all financial figures mentioned during this conference call are denominated in ${ctx.company.currency === 'USD' ? 'U.S. dollars' : 'RMB'}.`,
    `谢谢您，接线员。请注意，除非另有说明，本次电话会议中提到的所有财务数据均以${ctx.company.currency === 'USD' ? '美元' : '人民币'}计价。`,
  );
  speaker(`${ceo} - Chairman & CEO`);
  filler(ctx.rng.int(4, 8));
  newsPairs(ctx.rng, ctx.rng.int(3, 8)).forEach(([en, zh]) => say(en, zh));
  for (const s of draw(ctx, d, CEO_FORMS, ctx.rng.int(2, 3))) {
    state(s);
    if (ctx.rng.chance(0.5)) filler(1);
  }
  speaker(`${cfo} - CFO & Director`);
  say(`Thank you, and welcome, everyone, for joining the call.`, `谢谢，欢迎大家参加电话会议。`);
  for (const s of draw(ctx, d, CFO_FORMS, ctx.rng.int(5, 8))) {
    state(s);
    if (ctx.rng.chance(0.4)) filler(1);
  }
  speaker('Operator');
  const analyst = personName(ctx.rng);
  say(`We'll take our first question. This is from the line of ${analyst} from ${ctx.rng.pick(BANKS)}.`, `我们来回答第一个问题。这是来自分析师${analyst}的提问。`);
  speaker(`${analyst} - Research Analyst`);
  say(`I have 2 questions. First, could management share your outlook on demand this year? And how should we balance growth and margin?`, `我有2个问题。首先，管理层能否分享对今年需求的展望？我们应该如何平衡增长与利润率？`);
  speaker(`${ceo} - Chairman & CEO`);
  filler(ctx.rng.int(5, 10));
  speaker('Operator');
  say('This does conclude the conference for today. Thank you for participating, and you may now disconnect.', '今天的会议就到此结束。感谢您的参与，您现在可以断开连接。');

  const title = `${C} ${enQuarterTitle(d)} Earnings Conference Call (transcript, English with Chinese translation)`;
  const language = `en, ${script}`;
  const content =
    frontMatter({ title, company: ctx.company, published: ctx.published, period: periodLabel(d), source: 'Earnings call transcript; Chinese lines machine-translated (Google Translate)', language }) +
    lines.join('\n') +
    '\n';
  return { id, file: `${id}.md`, kind: 'transcript', language, company: ctx.company.id, content, figures };
}
