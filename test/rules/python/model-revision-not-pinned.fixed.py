from transformers import AutoModel, AutoTokenizer, pipeline
import transformers
from huggingface_hub import hf_hub_download, snapshot_download
from datasets import load_dataset
from sentence_transformers import SentenceTransformer
import timm
import torch

# expect: model-revision-not-pinned:warning
model = AutoModel.from_pretrained("bert-base-uncased", revision="MLSEC-PLACEHOLDER-commit-sha")
# expect: model-revision-not-pinned
tok = AutoTokenizer.from_pretrained("org/model", revision="MLSEC-PLACEHOLDER-commit-sha")
# ok: model-revision-not-pinned
tok = AutoTokenizer.from_pretrained("org/model", revision="86b5e0934494bd15c9632b12f734a8a67f723594")
# ok: model-revision-not-pinned
local = AutoModel.from_pretrained("./checkpoints/best")
# ok: model-revision-not-pinned
offline = AutoModel.from_pretrained("org/model", local_files_only=True)
# ok: model-revision-not-pinned
dynamic = AutoModel.from_pretrained(MODEL_NAME)
# ok: model-revision-not-pinned
rev = AutoModel.from_pretrained("org/model", revision=REVISION)
# expect: model-revision-not-pinned
clf = pipeline("text-classification", model="distilbert/distilbert-base-uncased-finetuned-sst-2-english", revision="MLSEC-PLACEHOLDER-commit-sha")
# ok: model-revision-not-pinned
default = pipeline("sentiment-analysis")
# expect: model-revision-not-pinned:note
weights = hf_hub_download("org/model", "model.safetensors", revision="MLSEC-PLACEHOLDER-commit-sha")
# expect: model-revision-not-pinned
snap = snapshot_download(repo_id="org/model", revision="MLSEC-PLACEHOLDER-commit-sha")
# expect: model-revision-not-pinned
ds = load_dataset("imdb", revision="MLSEC-PLACEHOLDER-commit-sha")
# ok: model-revision-not-pinned
csv = load_dataset("csv", data_files="train.csv")
# expect: model-revision-not-pinned
st = SentenceTransformer("sentence-transformers/all-MiniLM-L6-v2", revision="MLSEC-PLACEHOLDER-commit-sha")
# expect: model-revision-not-pinned
net = timm.create_model("resnet50", pretrained=True)
# ok: model-revision-not-pinned
scratch = timm.create_model("resnet50", pretrained=False)
# expect: model-revision-not-pinned
hub = torch.hub.load("pytorch/vision:v0.10.0", "resnet18")
# ok: model-revision-not-pinned
hub_pinned = torch.hub.load("pytorch/vision:86b5e0934494bd15c9632b12f734a8a67f723594", "resnet18")
# ok: model-revision-not-pinned
hub_local = torch.hub.load("./hubconf_dir", "resnet18", source="local")
# expect: model-revision-not-pinned
full = transformers.AutoModelForCausalLM.from_pretrained("org/llm", revision="MLSEC-PLACEHOLDER-commit-sha")
# expect: model-revision-not-pinned
positional = pipeline("text-generation", "gpt2", revision="MLSEC-PLACEHOLDER-commit-sha")
