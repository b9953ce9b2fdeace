import type { Rng } from './prng.ts';

/**
 * Prose around the figures, in English with its Chinese (Simplified) rendering, so
 * transcripts can pair each line with its translation. `{C}` is the company's name in
 * the line's language. Some lines carry numbers that are no metric (customers signed,
 * features added): extraction must leave them alone.
 */
export const FILLER: ReadonlyArray<readonly [en: string, zh: string]> = [
  ['{C} has been adjusting its business focus in response to changing market demands.', '{C}一直在根据市场需求的变化调整业务重点。'],
  ['Facing an increasingly competitive AI industry, {C} still finds it difficult to break through in a market dominated by giants.', '面对竞争日益激烈的人工智能行业，{C}在巨头主导的市场中仍难以突破。'],
  ['The company aims to enhance overall computing efficiency and optimize the allocation of computing resources.', '公司旨在提升整体算力效率，优化计算资源的配置与利用。'],
  ['Intelligent computing power requires continued investment at both the R&D level and the infrastructure level.', '智能算力需要在研发层面和基础设施层面持续投入。'],
  ['Enterprise customers usually have high requirements for customized services and strict requirements for security and stability.', '企业客户通常对定制化服务要求较高，对安全性和稳定性要求严格。'],
  ['{C} hopes to provide flexible and diverse heterogeneous computing solutions for the entire industry.', '{C}希望为整个行业提供灵活多样的异构算力解决方案。'],
  ['During the past half year, we carried out a systematic review of more than 200 companies from above 10 industries and signed more than 30 new midsized customers.', '在过去的半年里，我们对10多个行业的200多家公司进行了系统性审核，并签约了30多家新的中型客户。'],
  ['We added 79 key operating features to the upgraded version of our flagship platform.', '我们在旗舰平台的升级版中增加了79个关键运营功能。'],
  ['We remain committed to our strategy for high-quality, sustainable growth while continuing to build success based on technology.', '我们始终致力于高质量、可持续增长的战略，同时继续以技术为基础取得成功。'],
  ['We have implemented cost reduction and efficiency initiatives, which have resulted in steady improvements to our profitability.', '我们实施了降本增效的举措，从而使我们的盈利能力稳步提高。'],
  ['The revenue contribution from our top 3 partners has been on a decline, while the contribution from midsized customers continues to increase steadily.', '来自前三大合作伙伴的收入贡献一直在下降，而来自中型客户的收入贡献持续稳定增长。'],
  ['Large model training and inference have pushed the demand for computing power to extremely high levels.', '大模型训练与推理使算力需求达到了极高的水平。'],
  ['{C} competes with domestic large cloud service providers as well as state-owned clouds with abundant resources.', '{C}不仅要与国内大型云服务商竞争，还要面对资源雄厚的国资云。'],
  ['Whether the reduction in R&D investment helps in the long run remains an open question for investors.', '研发投入的缩减在长期是否有利，仍是投资者关注的问题。'],
  ['We doubled the number of engineers in our new research center within just 3 months of its launch.', '新研究中心启动后仅用3个月时间，工程师数量就翻了一番。'],
  ['The market value of the sector has halved since its peak, and investors remain cautious.', '该板块市值较高峰时已腰斩，投资者依然谨慎。'],
  ['Management summarized its attitude toward new AI opportunities as cautiously optimistic rather than blindly pursuing them.', '管理层将对人工智能新机遇的态度概括为谨慎乐观，而非盲目追逐。'],
  ['Selecting the right clients is also very important for the quality of our revenue.', '选择正确的客户对我们的收入质量也非常重要。'],
  ['{C} explained that the decline was due to a strategic adjustment of its product portfolio and customer structure.', '{C}解释称，下滑的主要原因是公司主动推进产品组合与客户结构的战略性调整。'],
  ['The company shrank low value-added business units and focused on high-quality customer groups.', '公司收缩低附加值业务单元，聚焦优质客户群体。'],
  ['Orders from new customers were squeezed by internet giants and emerging model companies.', '新签订单受到互联网巨头及新锐大模型企业的挤压。'],
  ['Looking ahead, we will pursue high-quality and sustainable development no matter how the environment changes.', '展望未来，无论环境如何变化，我们都将追求高质量、可持续发展。'],
  ['Our neutrality as an independent provider is a natural advantage that the market is beginning to recognize.', '作为独立服务商，我们的中立性是市场开始认识到的天然优势。'],
  ['The cooperation with leading AI companies has produced market-tested solutions that can be deployed on demand.', '与领先人工智能公司的合作，带来了可按需快速部署、经过市场检验的解决方案。'],
  ['We fine-tuned our positioning and implemented differentiated strategies for key account customers and midsized customers.', '我们优化了定位，针对大客户和中型客户实施差异化策略。'],
  ['This is a rather complex systematic solution that also needs a powerful software scheduling platform.', '这是一个相当复杂的系统性方案，还需要强大的软件调度平台。'],
  ['For {C}, this year will be a critical one: without a breakthrough in products and services, further restructuring may follow.', '对于{C}来说，今年将是极为关键的一年，如果无法在产品及服务端实现突破，可能需要进一步重组。'],
  ['Some of the deployments originally planned for the fourth quarter were delayed to the following year.', '部分原定于第四季度完成的部署被推迟到了次年。'],
  ['We will continue to adopt an approach of running with small steps and quick iteration.', '我们将继续采取小步快跑、快速迭代的方式。'],
  ['Thanks to these strategies, we have improved our customer mix while keeping the business stable.', '得益于这些策略，我们在保持业务稳定的同时改善了客户结构。'],
  ['The video, gaming and e-commerce industries remain the core demand for CDN and storage services.', '视频、游戏和电商行业仍是CDN和存储服务的核心需求来源。'],
  ['Many application scenarios require specialized and customized solutions that are difficult to meet with a standardized product.', '许多应用场景需要专业化、定制化的方案，标准化产品难以满足。'],
  ['Hybrid clouds focus on how to allocate and manage computing resources across different types of cloud environments.', '混合云关注的是如何在不同类型的云环境之间分配和管理计算资源。'],
  ['The regulator approved the listing after two rounds of inquiry letters from the exchange.', '在交易所两轮问询之后，监管机构批准了此次上市。'],
  ['Smart city, smart finance and smart retail projects accounted for most of the new contracts.', '智慧城市、智慧金融和智慧零售项目占新签合同的大部分。'],
  ['Analysts at several brokers lowered their ratings after the results were published.', '业绩公布后，多家券商的分析师下调了评级。'],
  ['The board approved a new round of equity incentives for core technical staff.', '董事会批准了面向核心技术人员的新一轮股权激励。'],
  ['Procurement of GPUs and other accelerators has become the largest item of new investment.', '采购GPU及其他加速芯片已成为新增投资中最大的一项。'],
  ['{C} said it would continue to reduce its dependence on a few large customers.', '{C}表示将继续降低对少数大客户的依赖。'],
  ['Price competition among cloud providers squeezed margins across the industry.', '云服务商之间的价格战挤压了整个行业的利润空间。'],
  ['The delivery of several government projects was affected by budget delays at local level.', '多个政府项目的交付受到地方预算延迟的影响。'],
  ['Three core technical staff, including a vice president in charge of the AI platform, left the company.', '包括负责人工智能平台的副总裁在内的三名核心技术人员离职。'],
  ['{C} plans to open regional delivery centers in Wuhan, Xi\'an and Chengdu.', '{C}计划在武汉、西安和成都设立区域交付中心。'],
  ['Management expects the market for inference computing to grow faster than the market for training.', '管理层预计推理算力市场的增速将快于训练算力市场。'],
  ['Accounts receivable remained high, and the company tightened its credit policy for new projects.', '应收账款仍处于高位，公司收紧了新项目的信用政策。'],
];

/** `n` filler lines, company name filled in, as [English, Chinese] pairs. */
export function fillerPairs(rng: Rng, n: number, nameEn: string, nameZh: string): Array<[string, string]> {
  return rng.sample(FILLER, n).map(([en, zh]) => [en.replaceAll('{C}', nameEn), zh.replaceAll('{C}', nameZh)]);
}

/** People on calls and bylines. */
const GIVEN_NAMES = ['Nicole', 'Henry', 'Tao', 'Brian', 'Timothy', 'Allen', 'Grace', 'Kevin', 'Lily', 'Jason', 'Wei', 'Ming', 'Vivian', 'Eric', 'Joyce', 'Leo'];
const FAMILY_NAMES = ['Shan', 'He', 'Zou', 'Gong', 'Zhao', 'Li', 'Wang', 'Chen', 'Liu', 'Zhang', 'Yang', 'Wu', 'Xu', 'Sun', 'Hu', 'Guo'];
export const BANKS = ['Citi', 'Goldman Sachs', 'JPMorgan', 'Morgan Stanley', 'CICC', 'UBS', 'HSBC', 'Jefferies', 'BofA Securities'];

/** A person's name. */
export function personName(rng: Rng): string {
  return `${rng.pick(GIVEN_NAMES)} ${rng.pick(FAMILY_NAMES)}`;
}

// Parts of business-news sentences, English with Chinese, combined into thousands of lines.
const TEAMS = [['cloud', '云计算'], ['AI platform', '人工智能平台'], ['data center', '数据中心'], ['enterprise software', '企业软件'], ['security', '安全'], ['sales', '销售'], ['delivery', '交付'], ['research', '研究']] as const;
const PRODUCTS = [['container platform', '容器平台'], ['object storage service', '对象存储服务'], ['model training platform', '模型训练平台'], ['data lake', '数据湖'], ['edge computing nodes', '边缘计算节点'], ['speech recognition engine', '语音识别引擎'], ['database service', '数据库服务'], ['inference cluster', '推理集群']] as const;
const PARTNERS = [['a provincial telecom operator', '一家省级电信运营商'], ['a major bank', '一家大型银行'], ['a car maker', '一家汽车制造商'], ['a city government', '一个市政府'], ['a university hospital', '一家大学附属医院'], ['a logistics group', '一家物流集团'], ['a power grid company', '一家电网公司']] as const;
const CITIES = [['Beijing', '北京'], ['Shanghai', '上海'], ['Shenzhen', '深圳'], ['Hangzhou', '杭州'], ['Wuhan', '武汉'], ['Chengdu', '成都'], ["Xi'an", '西安'], ['Nanjing', '南京'], ['Guangzhou', '广州']] as const;

/** `n` business-news lines (no numbers) as [English, Chinese] pairs. */
export function newsPairs(rng: Rng, n: number): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i < n; i += 1) {
    const [team, teamZh] = rng.pick(TEAMS);
    const [product, productZh] = rng.pick(PRODUCTS);
    const [partner, partnerZh] = rng.pick(PARTNERS);
    const [city, cityZh] = rng.pick(CITIES);
    const acts: Array<[string, string]> = [
      [`launched a new version of its ${product}`, `推出了新版${productZh}`],
      [`signed a framework agreement with ${partner}`, `与${partnerZh}签署了框架协议`],
      [`deployed its ${product} for ${partner}`, `为${partnerZh}部署了${productZh}`],
      [`completed the migration of its ${product} to domestic chips`, `完成了${productZh}向国产芯片的迁移`],
      [`won a tender from ${partner}`, `中标了${partnerZh}的项目`],
      [`opened a joint laboratory with ${partner}`, `与${partnerZh}共建了联合实验室`],
    ];
    const [act, actZh] = rng.pick(acts);
    out.push([`In ${city}, the ${team} team ${act}.`, `在${cityZh}，${teamZh}团队${actZh}。`]);
  }
  return out;
}
