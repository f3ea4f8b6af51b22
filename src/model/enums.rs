//! The closed vocabularies of the workshop method (DOMAIN.md), each accepting its English
//! key and the Chinese names the course material uses (Simplified and Traditional).
//!
//! Matching is trimmed, case-insensitive and full/half-width-insensitive, and treats `_`,
//! `-` and spaces alike, so `High Frequency`, `high_frequency` and `高频触点` all read as
//! `high-frequency`. An unknown value is an error with a did-you-mean.
//!
//! Input: a name as typed (in a file, or by a caller). Output: the enum value, its key and
//! its label per language. No I/O; imports only the leaves.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::diag::{Msg, PLACEHOLDER, rich_error, suggest};

/// Fold a user-typed name for comparison: full-width ASCII to half-width, lower case,
/// `_` and spaces to `-`.
pub fn fold(s: &str) -> String {
    s.trim()
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' | '_' | ' ' => '-',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident, $what:literal, $word:literal {
            $( $(#[$vmeta:meta])* $variant:ident = $key:literal, $zh:literal, $zh_tw:literal, $en:literal, [$($alias:literal),*] ;)*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )*
        }

        impl $name {
            /// Every value, in the method's order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The English key written in files and JSON.
            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key,)* }
            }

            /// The display label in a report language (`zh-CN`, `zh-TW`, `en`): the wording
            /// catalog's `common.<vocabulary>.<key>` (`common.touchpoint_kind.high_frequency`),
            /// read once per process; the key itself if the catalog lacks it (a test proves
            /// it does not).
            pub fn label(self, lang: crate::model::Language) -> &'static str {
                static LABELS: crate::i18n::PerLanguage<Vec<&'static str>> =
                    crate::i18n::PerLanguage::with(|catalog| {
                        // `TouchpointKind` → `touchpoint_kind`
                        let mut section = String::new();
                        for (i, c) in stringify!($name).chars().enumerate() {
                            if c.is_ascii_uppercase() && i > 0 {
                                section.push('_');
                            }
                            section.push(c.to_ascii_lowercase());
                        }
                        $name::ALL
                            .iter()
                            .map(|v| {
                                let key = v.key().to_ascii_lowercase().replace('-', "_");
                                let dotted = format!("common.{section}.{key}");
                                catalog.entries().get(&dotted).map_or(v.key(), String::as_str)
                            })
                            .collect()
                    });
                let table = LABELS.get(lang.key());
                table.get(self as usize).copied().unwrap_or(self.key())
            }

            /// Every accepted spelling of every value: keys first, then the other names.
            pub fn accepted() -> Vec<&'static str> {
                let mut v: Vec<&'static str> = vec![$($key),*];
                $( v.extend([$zh, $zh_tw, $($alias),*]); )*
                v.dedup();
                v
            }

            /// Read a value from any accepted spelling.
            pub fn parse(s: &str) -> Option<$name> {
                let f = fold(s);
                $(
                    if [$key, $zh, $zh_tw, $en, $($alias),*].iter().any(|n| fold(n) == f) {
                        return Some($name::$variant);
                    }
                )*
                None
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.key())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.key())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                if s == PLACEHOLDER {
                    // a wrong value already reported: the first value stands in for it
                    return Ok($name::ALL[0]);
                }
                $name::parse(&s).ok_or_else(|| {
                    let hint = match suggest(&s, $name::accepted()) {
                        Some(m) => Msg::did_you_mean(m),
                        None => Msg::new("vocabulary_names").list("names", [$($zh),*]),
                    };
                    rich_error(
                        Msg::new("unknown_vocabulary").word("what", $word).text("value", s.trim()),
                        Some(Msg::one_of([$($key),*])),
                        Some(hint),
                    )
                })
            }
        }

        impl schemars::JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                let mut m = serde_json::Map::new();
                m.insert("type".into(), "string".into());
                m.insert("description".into(), format!(
                    "{}: the English key or a Chinese name ({})",
                    $what,
                    [$(concat!($key, " = ", $zh)),*].join(", ")
                ).into());
                m.insert("enum".into(), $name::accepted().into_iter().map(serde_json::Value::from).collect());
                schemars::Schema::from(m)
            }
        }
    };
}

vocabulary! {
    /// Report and label language.
    Language, "language", "vocab_language" {
        /// Simplified Chinese.
        ZhCn = "zh-CN", "简体中文", "簡體中文", "Simplified Chinese", ["zh", "zh-hans", "中文", "简体"];
        /// Traditional Chinese.
        ZhTw = "zh-TW", "繁体中文", "繁體中文", "Traditional Chinese", ["zh-hant", "zh-hk", "繁体", "繁體"];
        /// English.
        En = "en", "英文", "英文", "English", ["en-us", "en-gb", "english"];
    }
}

vocabulary! {
    /// The five SERVQUAL dimensions (Parasuraman, Zeithaml & Berry 1988), with the course's
    /// several Chinese names for each.
    Dimension, "SERVQUAL dimension", "vocab_dimension" {
        /// Facilities, visible display, grooming.
        Tangibles = "tangibles", "有形度", "有形度", "Tangibles", ["tangible", "tangibility", "有形性"];
        /// No exceptions, promises kept.
        Reliability = "reliability", "可靠度", "可靠度", "Reliability", ["reliable", "可靠性", "信赖度", "信賴度"];
        /// Respond, answer, resolve in time.
        Responsiveness = "responsiveness", "响应度", "響應度", "Responsiveness", ["responsive", "响应性", "反应度", "反應度", "響應性"];
        /// Professionalism: friendly, skilled, clear process.
        Assurance = "assurance", "专业度", "專業度", "Assurance", ["professionalism", "保证性", "保證性", "保证度"];
        /// Proactive, flexible, personalised.
        Empathy = "empathy", "移情度", "移情度", "Empathy", ["同理度", "移情性"];
    }
}

vocabulary! {
    /// The five kinds of key touchpoint (5类关键触点). A step may be several kinds.
    TouchpointKind, "touchpoint kind", "vocab_touchpoint_kind" {
        /// The first contact.
        First = "first", "首触点", "首觸點", "First touchpoint", ["首触", "first-touchpoint"];
        /// Where customers complain.
        Complaint = "complaint", "抱怨触点", "抱怨觸點", "Complaint touchpoint", ["抱怨"];
        /// Met often.
        HighFrequency = "high-frequency", "高频触点", "高頻觸點", "High-frequency touchpoint", ["高频", "frequent"];
        /// Strongly felt.
        HighPerception = "high-perception", "高感知触点", "高感知觸點", "High-perception touchpoint", ["高感知"];
        /// The last contact (peak–end rule).
        End = "end", "末触点", "末觸點", "End touchpoint", ["末触", "last"];
    }
}

vocabulary! {
    /// The three optimisation moves of an MOT plan.
    Move, "optimisation move", "vocab_move" {
        /// Raise the average line (提升平均线).
        RaiseAverage = "raise-average", "提升平均线", "提升平均線", "Raise the average", ["平均线"];
        /// Fill the valleys (填平波谷).
        FillValley = "fill-valley", "填平波谷", "填平波谷", "Fill the valleys", ["波谷"];
        /// Lift the peaks (提升波峰).
        LiftPeak = "lift-peak", "提升波峰", "提升波峰", "Lift the peaks", ["波峰"];
    }
}

vocabulary! {
    /// When a fill-the-valley measure acts.
    Phase, "phase", "vocab_phase" {
        /// 事前控制: clarify, be candid.
        Before = "before", "事前控制", "事前控制", "Before (expectation control)", ["事前"];
        /// 事中管理: proactive communication.
        During = "during", "事中管理", "事中管理", "During (proactive communication)", ["事中"];
        /// 事后补救: exceptions, delayed gratification, recovery.
        After = "after", "事后补救", "事後補救", "After (recovery)", ["事后", "事後"];
    }
}

vocabulary! {
    /// The four principles of a designed surprise at a peak.
    Principle, "peak principle", "vocab_principle" {
        /// 低成本.
        LowCost = "low-cost", "低成本", "低成本", "Low cost", [];
        /// 高感知.
        HighPerception = "high-perception", "高感知", "高感知", "High perception", [];
        /// 简流程.
        SimpleProcess = "simple-process", "简流程", "簡流程", "Simple process", ["simple"];
        /// 易推广.
        EasyRollout = "easy-rollout", "易推广", "易推廣", "Easy to roll out", ["easy-to-roll-out"];
    }
}

vocabulary! {
    /// Three kinds of measurement indicator.
    IndicatorKind, "indicator kind", "vocab_indicator_kind" {
        /// 描述性.
        Descriptive = "descriptive", "描述性", "描述性", "Descriptive", ["描述性指标"];
        /// 感知性.
        Perceptual = "perceptual", "感知性", "感知性", "Perceptual", ["感知性指标"];
        /// 结果性.
        Outcome = "outcome", "结果性", "結果性", "Outcome", ["结果性指标", "結果性指標"];
    }
}

vocabulary! {
    /// The three common customer metrics.
    Metric, "metric", "vocab_metric" {
        /// Customer satisfaction, 1–5.
        Csat = "csat", "客户满意度", "客戶滿意度", "CSAT", ["满意度"];
        /// Customer effort score.
        Ces = "ces", "客户费力度", "客戶費力度", "CES", ["费力度"];
        /// Net promoter score, 0–10.
        Nps = "nps", "净推荐值", "淨推薦值", "NPS", ["推荐值"];
    }
}

vocabulary! {
    /// The three measurement models.
    MeasurementModel, "measurement model", "vocab_measurement_model" {
        /// 满意度全面系统模型.
        Comprehensive = "comprehensive", "满意度全面系统模型", "滿意度全面系統模型", "Comprehensive system model", ["全面系统模型"];
        /// 重点业务测评模型.
        KeyBusiness = "key-business", "重点业务测评模型", "重點業務測評模型", "Key-business evaluation model", ["重点业务"];
        /// 即时满意度模型.
        Instant = "instant", "即时满意度模型", "即時滿意度模型", "Instant satisfaction model", ["即时满意度"];
    }
}

vocabulary! {
    /// The five gaps (Parasuraman, Zeithaml & Berry 1985), with the course's names.
    Gap, "gap", "vocab_gap" {
        /// Gap 1: management does not know what customers expect.
        Listening = "listening", "倾听的差距", "傾聽的差距", "Listening gap", ["倾听差距", "gap1", "knowledge"];
        /// Gap 2: the wrong service designs and standards.
        Standards = "standards", "标准的差距", "標準的差距", "Standards gap", ["标准差距", "gap2", "design"];
        /// Gap 3: service not delivered to standard.
        Performance = "performance", "执行的差距", "執行的差距", "Performance gap", ["执行差距", "gap3", "delivery"];
        /// Gap 4: promises do not match delivery.
        Communication = "communication", "沟通的差距", "溝通的差距", "Communication gap", ["沟通差距", "gap4"];
        /// Gap 5: expected versus perceived service.
        Customer = "customer", "顾客差距", "顧客差距", "Customer gap", ["感知差距", "顾客的差距", "gap5"];
    }
}

impl Metric {
    /// The usual answer scale: NPS 0–10, CSAT 1–5, CES 1–7 (CES 2.0).
    pub fn default_scale(self) -> super::Scale {
        match self {
            Metric::Nps => super::Scale { min: 0.0, max: 10.0 },
            Metric::Csat => super::Scale { min: 1.0, max: 5.0 },
            Metric::Ces => super::Scale { min: 1.0, max: 7.0 },
        }
    }
}

impl Dimension {
    /// Position in [`Dimension::ALL`] (tangibles 0 … empathy 4).
    pub fn index(self) -> usize {
        Dimension::ALL.iter().position(|x| *x == self).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_keys_chinese_and_variants() {
        assert_eq!(Dimension::parse("有形性"), Some(Dimension::Tangibles));
        assert_eq!(Dimension::parse(" Responsiveness "), Some(Dimension::Responsiveness));
        assert_eq!(Dimension::parse("信賴度"), Some(Dimension::Reliability));
        assert_eq!(TouchpointKind::parse("High_Frequency"), Some(TouchpointKind::HighFrequency));
        assert_eq!(TouchpointKind::parse("首触点"), Some(TouchpointKind::First));
        assert_eq!(Metric::parse("ＮＰＳ"), Some(Metric::Nps));
        assert_eq!(Metric::parse("净推荐值"), Some(Metric::Nps));
        assert_eq!(Gap::parse("倾听的差距"), Some(Gap::Listening));
        assert_eq!(Language::parse("zh-cn"), Some(Language::ZhCn));
        assert_eq!(Dimension::parse("beauty"), None);
    }

    #[test]
    fn labels_follow_language() {
        assert_eq!(Dimension::Assurance.label(Language::ZhCn), "专业度");
        assert_eq!(Dimension::Assurance.label(Language::En), "Assurance");
        assert_eq!(Gap::Customer.label(Language::ZhTw), "顧客差距");
    }
}
