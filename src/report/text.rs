//! Report wording beyond the chart labels: section titles, table heads and short phrases,
//! one row per key in Simplified Chinese, Traditional Chinese and English. The templates
//! reach them as `t.<key>`; a key missing here is a template error, caught by the tests
//! before any report is written.

use std::collections::BTreeMap;

use crate::model::Language;

/// (key, zh-CN, zh-TW, en).
const TEXT: &[(&str, &str, &str, &str)] = &[
    ("contents", "目录", "目錄", "Contents"),
    ("group_report", "小组成果报告", "小組成果報告", "Group report"),
    ("overview", "小组概况", "小組概況", "The group"),
    (
        "journey_map",
        "客户旅程与情绪曲线",
        "客戶旅程與情緒曲線",
        "Customer journey and emotion curve",
    ),
    ("proposals", "MOT 优化方案", "MOT 優化方案", "MOT proposals"),
    ("proposal", "方案", "方案", "Proposal"),
    ("move", "优化方式", "優化方式", "Move"),
    ("acts_on", "作用步骤", "作用步驟", "Step"),
    ("professionalism", "专业度", "專業度", "Professionalism"),
    ("ease", "投入难易度", "投入難易度", "Ease"),
    ("perception", "满意感知度", "滿意感知度", "Perception"),
    ("total", "总分", "總分", "Total"),
    ("rank", "排名", "排名", "Rank"),
    ("quick_win", "速赢", "速贏", "Quick win"),
    ("principles", "峰值原则", "峰值原則", "Peak principles"),
    ("measurement", "满意度测评方案", "滿意度測評方案", "Measurement plan"),
    ("touchpoint", "触点", "觸點", "Touchpoint"),
    ("indicator_kind", "指标类型", "指標類型", "Indicator"),
    ("metric", "测评工具", "測評工具", "Metric"),
    ("model", "测评模式", "測評模式", "Model"),
    ("timing", "测评时机", "測評時機", "Timing"),
    ("question", "问题", "問題", "Question"),
    ("result", "结果", "結果", "Result"),
    ("responses", "样本量", "樣本量", "Responses"),
    ("gaps", "服务质量差距诊断", "服務質量差距診斷", "Service-quality gap diagnosis"),
    ("gap", "差距", "差距", "Gap"),
    ("symptoms", "现象", "現象", "Symptoms"),
    ("causes", "原因", "原因", "Causes"),
    ("measures", "改进措施", "改進措施", "Measures"),
    ("owner", "责任人", "責任人", "Owner"),
    ("due", "完成时间", "完成時間", "Due"),
    ("self_test", "差距自测", "差距自測", "Gap self-test"),
    ("statement", "陈述", "陳述", "Statement"),
    ("score", "得分", "得分", "Score"),
    ("mean", "平均", "平均", "Mean"),
    ("none", "无", "無", "none"),
    ("table_standard", "Kano 标准评价表", "Kano 標準評價表", "Kano's standard evaluation table"),
    ("table_pouliot", "Pouliot 评价表", "Pouliot 評價表", "Pouliot's evaluation table"),
    ("rule_plurality", "众数原则", "眾數原則", "plurality rule"),
    ("rule_moai", "Matzler 影响优先原则", "Matzler 影響優先原則", "Matzler's what-hurts-most rule"),
    ("rule_two_stage", "两阶段原则", "兩階段原則", "two-stage rule"),
    ("sep", "，", "，", ", "),
    ("colon", "：", "：", ": "),
    ("space", "　", "　", " · "),
    ("kano", "KANO 需求分析", "KANO 需求分析", "Kano needs analysis"),
    ("feature", "服务特性", "服務特性", "Feature"),
    ("category", "类别", "類別", "Category"),
    ("better", "Better", "Better", "Better"),
    ("worse", "Worse", "Worse", "Worse"),
    ("kano_method", "方法", "方法", "Method"),
    ("kano_respondents", "受访者", "受訪者", "Respondents"),
    ("kano_source", "数据", "數據", "Data"),
    ("kano_shares", "各类别占比（%）", "各類別佔比（%）", "Shares by category (%)"),
    ("kano_levels", "对服务水平的启示", "對服務水平的啟示", "What it means for service levels"),
    ("cat_M", "基本需求", "基本需求", "Basic (must-be)"),
    ("cat_O", "期望需求", "期望需求", "Performance (one-dimensional)"),
    ("cat_A", "兴奋需求", "興奮需求", "Excitement (attractive)"),
    ("cat_I", "无差异需求", "無差異需求", "Indifferent"),
    ("cat_R", "反向需求", "反向需求", "Reverse"),
    ("cat_Q", "可疑结果", "可疑結果", "Questionable"),
    (
        "level_M",
        "良好服务：兑现承诺、按时交付。基本需求做不到，客户就会不满；做到了，客户也只觉得理所应当。它们是服务标准的底线，必须百分之百兑现。",
        "良好服務：兌現承諾、按時交付。基本需求做不到，客戶就會不滿；做到了，客戶也只覺得理所應當。它們是服務標準的底線，必須百分之百兌現。",
        "Good service: keep promises, deliver on time. Failing a basic need makes customers dissatisfied; meeting it is taken for granted. These are the floor of the service standards and must be met every time.",
    ),
    (
        "level_O",
        "优秀服务：高效完成、关注细节。期望需求做得越好，客户越满意，是与同业竞争的主战场，宜设定可衡量的目标并持续提升。",
        "優秀服務：高效完成、關注細節。期望需求做得越好，客戶越滿意，是與同業競爭的主戰場，宜設定可衡量的目標並持續提升。",
        "Excellent service: efficient and attentive. The better a performance need is met, the more satisfied customers are; this is where the competition is, so set measurable targets and raise them.",
    ),
    (
        "level_A",
        "超预期与卓越服务：兴奋需求没有时客户不会抱怨，有了则带来惊喜与口碑，适合作为峰值时刻的设计素材（提升波峰）。",
        "超預期與卓越服務：興奮需求沒有時客戶不會抱怨，有了則帶來驚喜與口碑，適合作為峰值時刻的設計素材（提升波峰）。",
        "Beyond expectation, outstanding service: customers do not miss an excitement need, but meeting it delights them and gets talked about; material for designing peak moments (lift the peak).",
    ),
    (
        "level_I",
        "无差异需求：客户并不在意，投入应从严控制。",
        "無差異需求：客戶並不在意，投入應從嚴控制。",
        "Indifferent needs: customers do not care; spend little on them.",
    ),
    (
        "level_R",
        "反向需求：提供反而引起不满，应当取消或改为可选。",
        "反向需求：提供反而引起不滿，應當取消或改為可選。",
        "Reverse needs: providing them dissatisfies; drop them or make them optional.",
    ),
    (
        "level_Q",
        "可疑结果：答案自相矛盾，请检查题目表述或数据。",
        "可疑結果：答案自相矛盾，請檢查題目表述或數據。",
        "Questionable: contradictory answers; check the wording of the questions or the data.",
    ),
];

/// The wording of `lang`, by key.
pub fn text(lang: Language) -> BTreeMap<&'static str, &'static str> {
    TEXT.iter()
        .map(|&(k, cn, tw, en)| {
            let v = match lang {
                Language::ZhCn => cn,
                Language::ZhTw => tw,
                Language::En => en,
            };
            (k, v)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_every_language_is_filled() {
        let mut keys: Vec<&str> = TEXT.iter().map(|r| r.0).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), TEXT.len());
        for (k, cn, tw, en) in TEXT {
            assert!(!cn.is_empty() && !tw.is_empty() && !en.is_empty(), "{k}");
        }
        assert_eq!(text(Language::ZhTw)["contents"], "目錄");
    }
}
