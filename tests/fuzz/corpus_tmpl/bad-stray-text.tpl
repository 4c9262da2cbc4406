# 概况 | Overview

This line is neither a paragraph nor a heading.
