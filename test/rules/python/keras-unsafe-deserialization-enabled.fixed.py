import keras
import tensorflow as tf
from keras import config as kconfig


def load_legacy(path):
    # expect: keras-unsafe-deserialization-enabled
    return keras.models.load_model(path)


# expect: keras-unsafe-deserialization-enabled
# expect: keras-unsafe-deserialization-enabled
# ok: keras-unsafe-deserialization-enabled
keras.config.set_floatx("float32")
