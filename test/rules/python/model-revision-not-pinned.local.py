# Names the same file saves to or pushes under are its own output; safetensors-only loads without remote code are notes.
from transformers import AutoModel, AutoModelForSequenceClassification, Trainer, TrainingArguments
from huggingface_hub import hf_hub_download

args = TrainingArguments(output_dir="bert-imdb", num_train_epochs=1)
trainer = Trainer(model=None, args=args)
trainer.save_model("./bert-imdb-final/")
trainer.push_to_hub("me/bert-imdb")
# expect: model-revision-not-pinned:warning
AutoModel.from_pretrained("org/base").save_pretrained("distilled")

# ok: model-revision-not-pinned
reloaded = AutoModelForSequenceClassification.from_pretrained("bert-imdb")
# ok: model-revision-not-pinned
final = AutoModel.from_pretrained("bert-imdb-final")
# ok: model-revision-not-pinned
pushed = AutoModel.from_pretrained("me/bert-imdb")
# ok: model-revision-not-pinned
small = AutoModel.from_pretrained("distilled")
# expect: model-revision-not-pinned:warning
other = AutoModel.from_pretrained("me/bert-imdb-v2")
# expect: model-revision-not-pinned:note
safe = AutoModel.from_pretrained("org/weights-only", use_safetensors=True)
# expect: model-revision-not-pinned:warning, trust-remote-code-enabled
custom = AutoModel.from_pretrained("org/custom", use_safetensors=True, trust_remote_code=True)
# expect: model-revision-not-pinned:note
blob = hf_hub_download("org/model", filename="model.safetensors")
# expect: model-revision-not-pinned:warning
pickled = hf_hub_download("org/model", filename="pytorch_model.bin")
