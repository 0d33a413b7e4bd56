/**
 * Words that the pre-segmented (`tokens`) form of the citizen messages never contains although jieba produces
 * them often from the raw form: function words, pronouns, single digits. Dropping them from raw text makes both
 * forms look alike, so that a model trained on one form works on the other. Derived once from the training data
 * (words with document frequency ≥ 20 in jieba-segmented raw messages and absent from every segmented message).
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    '的 是 了 在 不 有 都 我 也 和 没有 我们 就 到 还 为 给 要 对 这 上 能 又 但 可以 等 与 吗 被 让 去 向 不能 来 而 并 从 ' +
    '这样 多 就是 他们 一 什么 将 把 有关 为什么 以 作为 没 会 这个 如果 但是 该 不是 个 自己 及 关于 由 多次 于 还是 可 ' +
    '这些 大 过 很 才 因为 因 其 本人 为了 按 还有 呢 着 通过 怎么 人民 任何 更 只有 而且 此 用 或 您 开始 根据 你 们 二 他 ' +
    '时候 其他 这么 由于 谁 很多 之 内 你们 难道 所 地 所以 拿 那 按照 三 同时 结果 为何 且 得 至 不要 打 如此 基本 出 看 ' +
    '必须 可是 吧 或者 那么 非常 只是 望 甚至 叫 连 均 才能 啊 经过 可能 并且 个人 经 如何 一样 跟 对于 如 尽快 以及 这里 ' +
    '自 不会 到底 其中 当 本 多少 比 因此 近 各种 如下 各 只要 大家 起 经常 出来 不得 四 不管 老 虽然 仍 像 第 的话 据 ' +
    '有些 管 然后 另外 何时 后来 哪里 带 即 仍然 竟然 起来 等等 然而 她 不了 既 随着 另 既然 那些 每 五 其实 极大 它 如今 ' +
    '不但 而是 仅 怎么办 其它 不同 不少 那里 同 不仅 快 别人 更加 各位 到处 否则 一切 一般 便 则 首先 靠 见 之一 于是 ' +
    '某些 离 不再 马上 呀 除了 那个 哪个 哪 某 六 怎样 及其 共 反而 较 加上 几乎 么 就算 别的 不得不 刚 故意 凭 比如 往 ' +
    '方 者 哪些 怕 除 自身 当然 故 若 任 基本上 不过 虽 据说 极 从未 依照 居然 他人 自从 人家 究竟 满 不如 公然 单 一旦 ' +
    '亲自 敢 极其 进去 仅仅 从来 本着 从而 加之 无论 毫无 这边 大多 本身 即使 即将 等到 各个 综上所述 定 归 简直 ' +
    '进来 不然 大概 出去 理应 她们 将近 竟 借 尽 可见 别 并非 八 要是 己 那样 很少 啦 毕竟 差不多 从不 七 其余 绝对'
  ).split(' '),
);
