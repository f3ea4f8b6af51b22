//! The workshop file format: typed mirrors of the YAML, one struct per output of the
//! course (DOMAIN.md). Keys are English; the doc comments become the JSON Schema's
//! descriptions, which editors show while typing.
//!
//! Input: the YAML, through serde (the input stage's collecting deserialiser). Output: the
//! typed structs, with dates as [`Date`]s and vocabularies as enums. No I/O and no
//! semantic checks here (those are [`super::check`]).

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::date::Date;
use super::enums::{
    Dimension, Gap, IndicatorKind, Language, MeasurementModel, Metric, Move, Phase, Principle,
    TouchpointKind,
};

/// A whole workshop file (`workshop.yaml`). Group outputs may be inline under `groups`, or
/// in one file per group beside `workshop.yaml` (each file is a [`Group`]).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
#[schemars(title = "kano workshop file")]
pub struct WorkshopFile {
    /// Title, date, place and people.
    pub workshop: Meta,
    /// Declared score scales used by the checks.
    #[serde(default)]
    pub scales: Scales,
    /// The groups (小组) with their outputs (成果). In a workshop folder, groups may also
    /// come from one file per group.
    #[serde(default)]
    pub groups: Vec<Group>,
    /// Kano needs analysis (KANO需求模型).
    #[serde(default)]
    pub kano: Option<Kano>,
    /// SERVQUAL expectation/perception data.
    #[serde(default)]
    pub servqual: Option<Servqual>,
    /// Market damage model inputs (TARP).
    #[serde(default)]
    pub market_damage: Option<MarketDamage>,
    /// Group competition (分组PK) scores.
    #[serde(default)]
    pub pk: Option<GroupPk>,
    /// 3-2-1 summaries of individual participants (groups' own are under each group).
    #[serde(default)]
    pub summaries: Vec<Summary321>,
}

/// Workshop metadata.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Meta {
    /// Workshop title (课程名称), shown on the report cover.
    pub title: String,
    /// Subtitle, e.g. the course's full name.
    #[serde(default)]
    pub subtitle: Option<String>,
    /// The client organisation (客户单位).
    pub organisation: String,
    /// First day, `YYYY-MM-DD`.
    pub date: Date,
    /// Last day for a multi-day workshop, `YYYY-MM-DD`.
    #[serde(default)]
    pub end_date: Option<Date>,
    /// Where it took place.
    pub place: String,
    /// Facilitator (讲师 / 引导师).
    pub facilitator: String,
    /// Report language: `zh-CN` (default), `zh-TW` or `en`.
    #[serde(default = "default_language")]
    pub language: Language,
    /// The workshop's business scenario (业务场景).
    #[serde(default)]
    pub scenario: Option<String>,
}

fn default_language() -> Language {
    Language::ZhCn
}

/// A closed numeric scale.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Scale {
    /// Lowest allowed value.
    pub min: f64,
    /// Highest allowed value.
    pub max: f64,
}

impl Scale {
    /// Is `v` on the scale?
    pub fn contains(&self, v: f64) -> bool {
        v >= self.min && v <= self.max
    }
}

/// The scales scores are checked against.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Scales {
    /// Emotion scores of journey steps (default −3..3).
    #[serde(default = "default_emotion")]
    pub emotion: Scale,
    /// Three-degree proposal scores (default 1..5).
    #[serde(default = "default_proposal")]
    pub proposal: Scale,
    /// Gap self-test statement scores (default 1..5).
    #[serde(default = "default_self_test")]
    pub self_test: Scale,
}

impl Default for Scales {
    fn default() -> Self {
        Scales {
            emotion: default_emotion(),
            proposal: default_proposal(),
            self_test: default_self_test(),
        }
    }
}

fn default_emotion() -> Scale {
    Scale { min: -3.0, max: 3.0 }
}
fn default_proposal() -> Scale {
    Scale { min: 1.0, max: 5.0 }
}
fn default_self_test() -> Scale {
    Scale { min: 1.0, max: 5.0 }
}

/// One group and everything it produced.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
#[schemars(title = "kano group file")]
pub struct Group {
    /// Short id used in references, e.g. `g1`.
    pub id: String,
    /// Display name, e.g. 第一组 or the team's own name.
    pub name: String,
    /// Members' names.
    #[serde(default)]
    pub members: Vec<String>,
    /// The group's business scenario (业务场景).
    pub scenario: String,
    /// 成果1: post service standards 1.0, per post.
    #[serde(default)]
    pub post_standards: Vec<PostStandards>,
    /// 成果2: customer journeys with their MOT optimisation plans.
    #[serde(default)]
    pub journeys: Vec<Journey>,
    /// 成果4: measurement plan, one entry per key touchpoint.
    #[serde(default)]
    pub measurement_plans: Vec<Measurement>,
    /// 成果5: gap diagnosis and measures.
    #[serde(default)]
    pub gaps: Vec<GapDiagnosis>,
    /// The gap-analysis self-test sheet (服务质量管理差距分析表), if the group filled it in.
    #[serde(default)]
    pub gap_self_test: Vec<SelfTestItem>,
    /// 3-2-1 summaries written by this group or its members.
    #[serde(default)]
    pub summaries: Vec<Summary321>,
}

/// Satisfaction standards for one post (岗位).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct PostStandards {
    /// The post, e.g. 大堂经理, 柜员.
    pub post: String,
    /// Its standards, organised by SERVQUAL dimension.
    pub standards: Vec<Standard>,
}

/// One service standard.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Standard {
    /// SERVQUAL dimension: tangibles 有形度, reliability 可靠度, responsiveness 响应度,
    /// assurance 专业度, empathy 移情度.
    pub dimension: Dimension,
    /// Indicator (指标).
    pub indicator: String,
    /// Detailed description (细化描述).
    pub description: String,
    /// How it is checked (考核方式).
    pub check: String,
    /// Target, e.g. "≥95%" or "3 分钟内".
    pub target: String,
}

/// A customer journey (客户旅程图) and its MOT plan.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Journey {
    /// Short id, e.g. `j1`.
    pub id: String,
    /// Name, e.g. 个人客户开户.
    pub name: String,
    /// The customer whose journey it is (persona).
    #[serde(default)]
    pub customer: Option<String>,
    /// Steps in the customer's time order.
    pub steps: Vec<Step>,
    /// MOT optimisation proposals.
    #[serde(default)]
    pub proposals: Vec<Proposal>,
}

/// One journey step.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Step {
    /// Short id, unique within the group, e.g. `s3`.
    pub id: String,
    /// What the customer does, e.g. 取号等候.
    pub name: String,
    /// The customer's feeling on the workshop's emotion scale (`scales.emotion`).
    pub emotion: f64,
    /// Where the interaction happens (channel, person, device).
    #[serde(default)]
    pub touchpoint: Option<String>,
    /// Key-touchpoint kinds: first 首触点, complaint 抱怨触点, high-frequency 高频触点,
    /// high-perception 高感知触点, end 末触点. Several allowed.
    #[serde(default)]
    pub kinds: Vec<TouchpointKind>,
    /// Pain points (痛点).
    #[serde(default)]
    pub pain_points: Vec<String>,
}

/// An MOT optimisation proposal.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Proposal {
    /// Short id, e.g. `p1`.
    pub id: String,
    /// Title.
    pub title: String,
    /// Which move: raise-average 提升平均线, fill-valley 填平波谷, lift-peak 提升波峰.
    #[serde(rename = "type")]
    pub kind: Move,
    /// For fill-valley: before 事前控制, during 事中管理 or after 事后补救.
    #[serde(default)]
    pub phase: Option<Phase>,
    /// The step it acts on (a step id of this group).
    pub step: String,
    /// What will be done.
    #[serde(default)]
    pub description: Option<String>,
    /// For lift-peak: the principles it meets (low-cost, high-perception, simple-process,
    /// easy-rollout).
    #[serde(default)]
    pub principles: Vec<Principle>,
    /// Three-degree evaluation (方案3度评价) on `scales.proposal`.
    pub scores: ThreeDegree,
}

/// The three-degree evaluation of a proposal.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ThreeDegree {
    /// Service professionalism (服务专业度).
    pub professionalism: f64,
    /// Ease of investment (投入难易度): higher is easier / cheaper.
    pub ease: f64,
    /// Customer-perceived satisfaction (客户满意感知度).
    pub perception: f64,
}

/// How one key touchpoint is measured (成果4).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Measurement {
    /// The step measured (a step id of this group).
    pub step: String,
    /// Indicator kind: descriptive 描述性, perceptual 感知性, outcome 结果性.
    pub indicator: IndicatorKind,
    /// csat 客户满意度, ces 客户费力度 or nps 净推荐值.
    pub metric: Metric,
    /// comprehensive, key-business or instant model.
    pub model: MeasurementModel,
    /// When the question is asked, e.g. 业务办结后即时短信.
    pub timing: String,
    /// The target, e.g. "NPS ≥ 40".
    pub target: String,
    /// The question wording.
    #[serde(default)]
    pub question: Option<String>,
    /// Answer scale if not the metric's usual one (NPS 0–10, CSAT 1–5, CES 1–7).
    #[serde(default)]
    pub scale: Option<Scale>,
    /// Answers typed inline.
    #[serde(default)]
    pub responses: Vec<f64>,
    /// Or a CSV file of answers, relative to this file (one number per row, or a column).
    #[serde(default)]
    pub responses_file: Option<String>,
    /// The column of `responses_file` holding the answers, by header name; needed only when
    /// the file has several columns and none is named after the metric (`nps`, `csat`,
    /// `ces`, `score`, `评分`, …).
    #[serde(default)]
    pub responses_column: Option<String>,
}

/// One gap's diagnosis and measures (成果5).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct GapDiagnosis {
    /// listening 倾听的差距, standards 标准的差距, performance 执行的差距,
    /// communication 沟通的差距, customer 顾客差距.
    pub gap: Gap,
    /// What is observed (现象).
    #[serde(default)]
    pub symptoms: Vec<String>,
    /// Why (原因).
    #[serde(default)]
    pub causes: Vec<String>,
    /// What will be done (措施).
    pub measures: Vec<String>,
    /// Who is responsible.
    pub owner: String,
    /// Due date, `YYYY-MM-DD`.
    pub due: Date,
}

/// One statement of the gap self-test sheet and its score.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct SelfTestItem {
    /// Which gap the statement diagnoses.
    pub gap: Gap,
    /// The statement.
    pub statement: String,
    /// The group's score on `scales.self_test`.
    pub score: f64,
}

/// Kano needs analysis input.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Kano {
    /// A survey export with the respondents' answers, relative to the workshop file.
    #[serde(default)]
    pub survey: Option<String>,
    /// The features (needs) asked about.
    pub features: Vec<KanoFeature>,
}

/// One feature of the Kano questionnaire.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct KanoFeature {
    /// Short id; in a survey file the columns are `<id>_F` / `<id>_D`.
    pub id: String,
    /// Name, e.g. 取号后短信提醒叫号.
    pub name: String,
    /// Longer description.
    #[serde(default)]
    pub description: Option<String>,
    /// Answer counts per category, when there is no survey file.
    #[serde(default)]
    pub counts: Option<KanoCounts>,
}

/// Counts of the six Kano categories.
#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(non_snake_case)]
pub struct KanoCounts {
    /// Attractive (兴奋).
    #[serde(default)]
    pub A: u32,
    /// One-dimensional (期望).
    #[serde(default)]
    pub O: u32,
    /// Must-be (基本).
    #[serde(default)]
    pub M: u32,
    /// Indifferent (无差异).
    #[serde(default)]
    pub I: u32,
    /// Reverse (反向).
    #[serde(default)]
    pub R: u32,
    /// Questionable (可疑).
    #[serde(default)]
    pub Q: u32,
}

impl KanoCounts {
    /// All answers.
    pub fn total(&self) -> u64 {
        [self.A, self.O, self.M, self.I, self.R, self.Q].iter().map(|&c| u64::from(c)).sum()
    }
}

/// SERVQUAL data: aggregates, or a file of raw responses.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Servqual {
    /// The answer scale (default 1..7).
    #[serde(default = "default_servqual_scale")]
    pub scale: Scale,
    /// Raw respondent data, relative to the workshop file: a CSV with one row per
    /// respondent, columns `<item>_E` and `<item>_P` (also `<item>_expectation` /
    /// `<item>_perception`, `<item>(期望)` / `<item>(感知)`), optional `<item>_I`
    /// (importance) and `weight_<dimension>` (the respondent's 100 points).
    #[serde(default)]
    pub responses: Option<String>,
    /// Item id → dimension for the columns of `responses`, when the ids are neither those
    /// under `items` nor the standard 22-item instrument's (T1–T4, R1–R5, SP1–SP4, A1–A4,
    /// E1–E5, or the numbers 1–22).
    #[serde(default)]
    pub mapping: BTreeMap<String, Dimension>,
    /// Item means of expectation and perception.
    #[serde(default)]
    pub items: Vec<ServqualItem>,
    /// Dimension means, when items are not available.
    #[serde(default)]
    pub dimensions: Vec<DimensionMeans>,
    /// Mean importance points per dimension (summing to 100), for the weighted score.
    #[serde(default)]
    pub weights: BTreeMap<Dimension, f64>,
    /// Zone-of-tolerance data per dimension.
    #[serde(default)]
    pub zone_of_tolerance: Vec<ZoneOfTolerance>,
}

fn default_servqual_scale() -> Scale {
    Scale { min: 1.0, max: 7.0 }
}

/// One SERVQUAL item's means.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ServqualItem {
    /// Item id, e.g. `T1`.
    pub id: String,
    /// Its dimension.
    pub dimension: Dimension,
    /// The statement.
    #[serde(default)]
    pub statement: Option<String>,
    /// Mean expectation.
    pub expectation: f64,
    /// Mean perception.
    pub perception: f64,
    /// Respondents.
    pub n: u32,
    /// Mean importance, for importance–performance analysis.
    #[serde(default)]
    pub importance: Option<f64>,
}

/// One dimension's means.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct DimensionMeans {
    /// The dimension.
    pub dimension: Dimension,
    /// Mean expectation.
    pub expectation: f64,
    /// Mean perception.
    pub perception: f64,
    /// Respondents.
    pub n: u32,
}

/// Adequate, desired and perceived service for one dimension.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ZoneOfTolerance {
    /// The dimension.
    pub dimension: Dimension,
    /// Adequate service (适当服务).
    pub adequate: f64,
    /// Desired service (理想服务).
    pub desired: f64,
    /// Perceived service.
    pub perceived: f64,
}

/// Inputs of the market damage model (TARP; Goodman).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct MarketDamage {
    /// The period the figures cover, e.g. 2025年.
    #[serde(default)]
    pub period: Option<String>,
    /// Customers who had a problem in the period (N_p).
    pub customers_with_problem: f64,
    /// Share who complain to someone able to fix it (c), 0–1.
    pub complaint_rate: f64,
    /// Share of complainers resolved to satisfaction (s), 0–1.
    pub resolution_rate: f64,
    /// Repurchase rates, 0–1.
    pub repurchase: Repurchase,
    /// Value per customer (V) in the period.
    pub value_per_customer: f64,
    /// Currency label, e.g. 元.
    #[serde(default)]
    pub currency: Option<String>,
    /// Optional word-of-mouth assumptions.
    #[serde(default)]
    pub word_of_mouth: Option<WordOfMouth>,
}

/// Repurchase rates of the three customer groups.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Repurchase {
    /// Did not complain (L_nc).
    pub not_complained: f64,
    /// Complained, not resolved (L_cu).
    pub complained_unresolved: f64,
    /// Complained and resolved (L_cs).
    pub complained_resolved: f64,
}

/// Word-of-mouth assumptions.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct WordOfMouth {
    /// People told per unhappy customer (k).
    pub people_told: f64,
    /// Share of hearers deterred (q), 0–1: an explicit assumption.
    pub deterred_share: f64,
}

/// Group competition: the facilitator's rubric and the scores.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct GroupPk {
    /// The rubric's criteria.
    pub criteria: Vec<PkCriterion>,
    /// One entry per group.
    pub scores: Vec<PkScore>,
}

/// One rubric criterion.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct PkCriterion {
    /// Short id used in `scores`.
    pub id: String,
    /// Name, e.g. 方案创新性.
    pub name: String,
    /// Highest score.
    pub max: f64,
}

/// A group's scores on the rubric.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct PkScore {
    /// The group id.
    pub group: String,
    /// Score per criterion id.
    pub scores: BTreeMap<String, f64>,
    /// The facilitator's comment (老师点评).
    #[serde(default)]
    pub comment: Option<String>,
}

/// A 3-2-1 summary (课程3-2-1总结).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Summary321 {
    /// Who wrote it (leave out for a group's joint summary).
    #[serde(default)]
    pub participant: Option<String>,
    /// The writer's group id (implied inside a group).
    #[serde(default)]
    pub group: Option<String>,
    /// 3 takeaways (印象深刻的3个收获点).
    pub takeaways: Vec<String>,
    /// 2 tools to apply (落地应用的2个工具).
    pub tools: Vec<String>,
    /// 1 action to execute now (立刻执行的1个行动计划).
    pub action: Action,
}

/// An action plan: what, who, by when.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Action {
    /// What will be done.
    pub what: String,
    /// Who does it.
    pub owner: String,
    /// By when, `YYYY-MM-DD`.
    pub due: Date,
}
