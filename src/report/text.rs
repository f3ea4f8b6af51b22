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
