"""A tiny Llama with random weights and a word-level tokenizer, saved to a folder (no downloads).

Used by the loader, engine, worker and Model panel tests: it loads in well under a second."""

from __future__ import annotations

from pathlib import Path

WORDS = (
    "the a an of to and in is it you that he was for on are with as his they be at one have this from "
    "or had by hot word but what some we can out other were all there when up use your how said each "
    "she which do their time if will way about many then them write would like so these her long make "
    "thing see him two has look more day could go come did number sound no most people my over know "
    "water than call first who may down side been now find any new work part take get place made live "
    "where after back little only round man year came show every good me give our under name very "
    "through just form sentence great think say help low line differ turn cause much mean before move "
    "right boy old too same tell does set three want air well also play small end put home read hand "
    "port large spell add even land here must big high such follow act why ask men change went light"
).split()
CHAT_TEMPLATE = (
    "{% for m in messages %}<|{{ m['role'] }}|> {{ m['content'] }} <|end|> {% endfor %}"
    "{% if add_generation_prompt %}<|assistant|> {% endif %}"
)
SPECIALS = ["<unk>", "<pad>", "<eos>", "<|user|>", "<|assistant|>", "<|system|>", "<|end|>"]


def build_tokenizer():
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers
    from transformers import PreTrainedTokenizerFast

    vocab = {t: i for i, t in enumerate(SPECIALS + sorted(set(WORDS)))}
    tk = Tokenizer(models.WordLevel(vocab, unk_token="<unk>"))
    tk.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    tk.decoder = decoders.WordPiece(prefix="##")  # joins words with spaces
    tok = PreTrainedTokenizerFast(tokenizer_object=tk, unk_token="<unk>", pad_token="<pad>", eos_token="<eos>",
                                  additional_special_tokens=SPECIALS[3:])
    tok.chat_template = CHAT_TEMPLATE
    return tok


def build_tiny_llama(folder: Path, seed: int = 0, max_positions: int = 512) -> Path:
    """Save a 2-layer, hidden-64 Llama with random weights and its tokenizer into ``folder``."""
    import torch
    from transformers import LlamaConfig, LlamaForCausalLM

    tok = build_tokenizer()
    torch.manual_seed(seed)
    cfg = LlamaConfig(
        vocab_size=len(tok), hidden_size=64, intermediate_size=128, num_hidden_layers=2, num_attention_heads=4,
        num_key_value_heads=2, max_position_embeddings=max_positions, initializer_range=0.3,
        eos_token_id=tok.eos_token_id, pad_token_id=tok.pad_token_id, bos_token_id=None,
    )
    model = LlamaForCausalLM(cfg).eval()
    folder.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(str(folder))
    tok.save_pretrained(str(folder))
    return folder


# -- fixtures (import them into a test module to use them) -------------------------------------------
import os  # noqa: E402

import pytest  # noqa: E402


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory):
    return build_tiny_llama(tmp_path_factory.mktemp("tiny-llama") / "model")


@pytest.fixture(scope="session")
def converted_gguf(tmp_path_factory, bundled_gguf):
    """The bundled GGUF converted once for the session: (model cache root, first load info, reference answer)."""
    from console.core.inference.loader import LoadOptions, load_model
    from console.core.inference.local_engine import LocalEngine
    from console.core.inference.types import ChatMessage, GenParams

    root = tmp_path_factory.mktemp("gguf-cache")
    old = os.environ.get("AUTOGLM_MODEL_DIR")
    os.environ["AUTOGLM_MODEL_DIR"] = str(root)
    stages: list[str] = []
    try:
        loaded = load_model(LoadOptions(str(bundled_gguf)), progress=lambda s, f: stages.append(s))
        info = loaded.info()
        info["stages"] = stages
        engine = LocalEngine(loaded)
        out: list[str] = []
        engine.generate([ChatMessage("user", "What is the capital of France?")], GenParams(max_new_tokens=12),
                        out.append, lambda: False)
        engine.close()
    finally:
        if old is None:
            os.environ.pop("AUTOGLM_MODEL_DIR", None)
        else:
            os.environ["AUTOGLM_MODEL_DIR"] = old
    return root, info, "".join(out)
